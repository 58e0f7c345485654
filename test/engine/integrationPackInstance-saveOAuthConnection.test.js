// Save OAuth Connection through the n8n engine against the simulator.
const { seedIds } = require('../simulator');
const { locator } = require('./boomi-workflow');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine();
const { ENV_TEST, ENV_DEV } = seedIds;

const SECRET = 'super-secret-value-42';
const details = { baseURL: 'https://baseURL.com', companyId: '9341452451293689', clientId: 'A', authParams: { key: 'value' }, accessTokenParams: { key: 'value' } };

const save = (keys, parameters = {}, items = [{}], onError) =>
	env.runNode(
		{
			operation: 'saveOAuthConnection',
			parameters: {
				integrationPackInstanceId: locator(keys.integrationPackInstanceId),
				envId: locator(keys.envId),
				processId: locator(keys.processId),
				connectionId: keys.connectionId,
				catalogGuid: keys.catalogGuid,
				oauthConnectorDetails: JSON.stringify(details, null, 2),
				clientId: 'A',
				clientSecret: SECRET,
				isTokenGenerated: false,
				...parameters,
			},
			onError,
		},
		items,
	);
const newKeys = () => ({ ...env.sim.demo.oauth, envId: ENV_TEST });

describe('Save OAuth Connection through the n8n engine', () => {
	it('success: saves the details and outputs the saved record parsed, without the client secret', async () => {
		const keys = newKeys();
		const items = env.expectSuccess(await save(keys, { isTokenGenerated: true }));

		expect(items.map((item) => item.json)).toEqual([
			{ found: true, id: expect.stringMatching(/^[0-9a-f-]{36}$/), ...keys, isTokenGenerated: true, oauthConnectorDetails: details },
		]);
		const [request] = env.graphqlRequests();
		expect(request.json.operationName).toBe('SaveOAuthConnectorDetails');
		expect(request.json.variables).toEqual({ ...keys, isTokenGenerated: true, oauthConnectorDetails: JSON.stringify(details), clientId: 'A', clientSecret: SECRET });
		expect(JSON.stringify(items)).not.toContain(SECRET);
		// Boomi keeps a dummy value instead of the secret.
		expect(env.sim.state.oauthConnectorDetails.find((o) => o.envId === ENV_TEST).clientSecret).toBe('dummyClientSecret');
	});

	it('takes the connector details as an object from an expression too', async () => {
		const items = env.expectSuccess(await save(newKeys(), { oauthConnectorDetails: '={{ $json.details }}' }, [{ details }]));
		expect(items[0].json.oauthConnectorDetails).toEqual(details);
	});

	it("Boomi error: an environment the instance is not attached to is Boomi's error, the secret in no error", async () => {
		const result = await save({ ...newKeys(), envId: ENV_DEV });
		const error = env.expectBoomiError(result, /^PLATFORM_CALL_ERROR/);
		expect(JSON.stringify({ message: error.message, description: error.description, context: error.context })).not.toContain(SECRET);
	});

	it('bad input: connector details that are not JSON are refused before any request', async () => {
		const result = await save(newKeys(), { oauthConnectorDetails: '{"baseURL": ' });
		const error = env.expectBadInput(result, 'OAuth Connector Details is not valid JSON');
		expect(error.description).toMatch(/^Item 0: "OAuth Connector Details" does not parse as JSON/);
	});

	it('bad input: an empty client secret is refused before any request', async () => {
		env.expectBadInput(await save(newKeys(), { clientSecret: '={{ $json.secret }}' }, [{ secret: '' }]), 'The Client Secret is empty');
	});

	it('bad input: connector details that are a JSON array are refused before any request', async () => {
		env.expectBadInput(await save(newKeys(), { oauthConnectorDetails: '[1]' }), 'OAuth Connector Details must be a JSON object');
	});

	it('with Continue (using error output) pairs each outcome with its item', async () => {
		const result = await save({ ...newKeys(), envId: '={{ $json.env }}' }, {}, [{ env: ENV_DEV }, { env: ENV_TEST }], 'continueErrorOutput');
		expect(result.status).toBe('success');
		expect(result.output('Boomi Spaces', 0).map((item) => item.pairedItem.item)).toEqual([1]);
		expect(result.output('Boomi Spaces', 1).map((item) => item.pairedItem.item)).toEqual([0]);
	});
});
