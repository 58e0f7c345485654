// Get OAuth Connection through the n8n engine against the simulator.
const { seedIds } = require('../simulator');
const { locator } = require('./boomi-workflow');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine();
const { ENV_TEST, SPACE_PARTNER } = seedIds;

/** The node's parameters for the five keys (locators where the field is one). */
const keyParameters = ({ integrationPackInstanceId, envId, processId, connectionId, catalogGuid }) => ({
	integrationPackInstanceId: locator(integrationPackInstanceId),
	envId: locator(envId),
	processId: locator(processId),
	connectionId,
	catalogGuid,
});
const getOAuth = (keys, items = [{}], onError) =>
	env.runNode({ operation: 'getOAuthConnection', parameters: keyParameters(keys), onError }, items);

describe('Get OAuth Connection through the n8n engine', () => {
	it('success: the saved details, connector details parsed, found: true', async () => {
		const keys = env.sim.demo.oauth;
		const items = env.expectSuccess(await getOAuth(keys));

		expect(items.map((item) => item.json)).toEqual([
			{
				found: true,
				id: '7665cc47-6acf-4e39-82c0-0882149b1d3e',
				...keys,
				isTokenGenerated: true,
				oauthConnectorDetails: {
					baseURL: 'https://demo-company.service-now.com',
					companyId: '9341452451293689',
					clientId: 'servicenow-client-1',
					authParams: { scope: 'useraccount' },
					accessTokenParams: { grant_type: 'authorization_code' },
				},
			},
		]);
		const [request] = env.graphqlRequests();
		expect(request.json.operationName).toBe('GetOAuthConnectorDetails');
		expect(request.json.variables).toEqual(keys);
	});

	it('outputs found: false with the keys when nothing is saved for them', async () => {
		const keys = { ...env.sim.demo.oauth, envId: ENV_TEST };
		expect(env.expectSuccess(await getOAuth(keys)).map((item) => item.json)).toEqual([{ found: false, ...keys }]);
	});

	it('keeps connector details that do not parse, and never outputs a client secret', async () => {
		env.answerOnce('GetOAuthConnectorDetails', { data: { IPackInstanceOAuthConnectorDetails: { id: 'x', oauthConnectorDetails: '{"clientId":"A","clientSecret":"s","authParams":{"client_secret":"t"}}' } } });
		const [first] = env.expectSuccess(await getOAuth(env.sim.demo.oauth));
		expect(first.json.oauthConnectorDetails).toEqual({ clientId: 'A', authParams: {} });
		env.answerOnce('GetOAuthConnectorDetails', { data: { IPackInstanceOAuthConnectorDetails: { id: 'x', oauthConnectorDetails: 'not json' } } });
		const [second] = env.expectSuccess(await getOAuth(env.sim.demo.oauth));
		expect(second.json).toMatchObject({ found: true, oauthConnectorDetails: 'not json', unparsedFields: ['oauthConnectorDetails'] });
	});

	it("Boomi error: a Space GUID other than the credential's Space is Boomi's SPACE_NOT_FOUND", async () => {
		const result = await getOAuth({ ...env.sim.demo.oauth, catalogGuid: SPACE_PARTNER });
		env.expectBoomiError(result, /^SPACE_NOT_FOUND/);
	});

	it('bad input: an empty connection ID is refused before any request', async () => {
		const result = await getOAuth({ ...env.sim.demo.oauth, connectionId: '={{ $json.connection }}' }, [{ connection: '' }]);
		const error = env.expectBadInput(result, 'The Connection ID is empty');
		expect(error.description).toMatch(/^Item 0: set "Connection ID"/);
	});

	it('bad input: an empty Space GUID is refused before any request', async () => {
		env.expectBadInput(await getOAuth({ ...env.sim.demo.oauth, catalogGuid: '={{ $json.space }}' }, [{ space: '' }]), 'The Space GUID is empty');
	});

	it('with Continue (using error output) pairs each outcome with its item', async () => {
		const result = await getOAuth({ ...env.sim.demo.oauth, catalogGuid: '={{ $json.space }}' }, [{ space: SPACE_PARTNER }, { space: env.sim.demo.oauth.catalogGuid }], 'continueErrorOutput');
		expect(result.status).toBe('success');
		expect(result.output('Boomi Spaces', 0).map((item) => item.pairedItem.item)).toEqual([1]);
		expect(result.output('Boomi Spaces', 1).map((item) => item.pairedItem.item)).toEqual([0]);
	});
});
