// Attach through the n8n engine against the simulator.
const { encodeAttachmentId, seedIds } = require('../simulator');
const { locator } = require('./boomi-workflow');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine();
const { INSTANCE_ORDER_SYNC_APAC: APAC, INSTANCE_HR, ENV_PROD, ENV_TEST, ENV_DEV } = seedIds;

const environments = (...values) => ({ environment: values.map((value) => ({ environmentId: locator(value) })) });
const attach = (instance, environmentIds, items = [{}], onError) =>
	env.runNode(
		{ operation: 'attach', parameters: { integrationPackInstanceId: locator(instance), environmentIds }, onError },
		items,
	);
const attachmentsOf = (instanceId) =>
	env.sim.state.attachments.filter((a) => a.integrationPackInstanceId === instanceId).map((a) => a.environmentId);

describe('Attach through the n8n engine', () => {
	it('success: attaches an instance to two environments: one item per created attachment, with its id', async () => {
		const result = await attach(APAC, environments(ENV_PROD, ENV_TEST));

		expect(env.expectSuccess(result)).toEqual([
			{
				json: {
					id: encodeAttachmentId(APAC, ENV_PROD),
					integrationPackInstanceId: APAC,
					environmentId: ENV_PROD,
					environmentExtensions: null,
				},
				pairedItem: { item: 0 },
			},
			{
				json: {
					id: encodeAttachmentId(APAC, ENV_TEST),
					integrationPackInstanceId: APAC,
					environmentId: ENV_TEST,
					environmentExtensions: null,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(attachmentsOf(APAC)).toEqual([ENV_PROD, ENV_TEST]);
		const [request] = env.graphqlRequests();
		expect(request.json.operationName).toBe('AttachIntegrationPackInstance');
		expect(request.json.variables).toEqual({
			input: { integrationPackInstanceId: APAC, environmentIds: [ENV_PROD, ENV_TEST] },
		});
	});

	it('takes the environment ids of an item from an expression: an array, or comma-separated text, without repeats', async () => {
		const result = await attach('={{ $json.instance }}', environments('={{ $json.environments }}'), [
			{ instance: APAC, environments: [ENV_PROD, ENV_DEV, ENV_PROD] },
			{ instance: INSTANCE_HR, environments: `${ENV_DEV}, ` },
		]);

		expect(result.status).toBe('success');
		expect(result.output('Boomi Spaces').map((item) => [item.pairedItem.item, item.json.environmentId])).toEqual([
			[0, ENV_PROD],
			[0, ENV_DEV],
			[1, ENV_DEV],
		]);
		expect(env.graphqlRequests().map((request) => request.json.variables.input.environmentIds)).toEqual([
			[ENV_PROD, ENV_DEV],
			[ENV_DEV],
		]);
	});

	it('works when the router batches items into one request', async () => {
		const result = await env.runNode(
			{
				operation: 'attach',
				parameters: {
					integrationPackInstanceId: locator('={{ $json.instance }}'),
					environmentIds: environments('={{ $json.environments }}'),
					options: { batchSize: 2 },
				},
			},
			[{ instance: APAC, environments: [ENV_PROD, ENV_TEST] }, { instance: INSTANCE_HR, environments: ENV_DEV }],
		);

		expect(result.status).toBe('success');
		expect(result.output('Boomi Spaces').map((item) => [item.pairedItem.item, item.json.id])).toEqual([
			[0, encodeAttachmentId(APAC, ENV_PROD)],
			[0, encodeAttachmentId(APAC, ENV_TEST)],
			[1, encodeAttachmentId(INSTANCE_HR, ENV_DEV)],
		]);
		expect(env.graphqlRequests()).toHaveLength(1);
	});

	it("Boomi error: surfaces Boomi's error and changes nothing when one environment is already attached", async () => {
		const result = await attach(INSTANCE_HR, environments(ENV_DEV, ENV_TEST));

		env.expectBoomiError(result, /^PLATFORM_CALL_ERROR: .*already attached to environment/);
		expect(env.graphqlRequests()).toHaveLength(1);
		expect(attachmentsOf(INSTANCE_HR)).toEqual([ENV_PROD, ENV_TEST]);
	});

	it("surfaces Boomi's error for an unknown instance", async () => {
		const result = await attach('no-such-instance', environments(ENV_PROD));

		expect(result.status).toBe('error');
		expect(result.nodeError('Boomi Spaces').message).toMatch(/^IPACK_INSTANCE_ID_INVALID: /);
		expect(result.nodeError('Boomi Spaces').description).toMatch(/did not find the ID/);
	});

	it('bad input: rejects an item without environments before any request', async () => {
		const result = await attach(APAC, environments('={{ $json.environments }}'), [{ environments: [] }]);

		const error = env.expectBadInput(result, 'No environment to attach to');
		expect(error.description).toMatch(/^Item 0: add at least one entry under "Environments"/);
	});

	it('rejects an empty instance id before any request (n8n itself refuses a literal empty one)', async () => {
		await expect(attach('', environments(ENV_PROD))).rejects.toThrow(/workflow has issues/);
		const result = await attach('={{ $json.instance }}', environments(ENV_PROD), [{ instance: '' }]);

		expect(result.status).toBe('error');
		expect(result.nodeError('Boomi Spaces').message).toBe('The Integration Pack Instance ID is empty');
		expect(env.graphqlRequests()).toHaveLength(0);
	});

	it('fails clearly when Boomi answers without any attachment', async () => {
		env.answerOnce('AttachIntegrationPackInstance', { data: { integrationPackInstanceEnvironmentAttachmentAttach: [] } });
		const result = await attach(APAC, environments(ENV_PROD));

		expect(result.status).toBe('error');
		expect(result.nodeError('Boomi Spaces').description).toMatch(/without any attachment.*may or may not have been applied/);
	});

	it('with Continue (using error output) routes a failed item and keeps the others', async () => {
		const result = await attach('={{ $json.instance }}', environments(ENV_TEST), [{ instance: APAC }, { instance: INSTANCE_HR }], 'continueErrorOutput');

		expect(result.status).toBe('success');
		expect(result.output('Boomi Spaces', 0).map((item) => item.pairedItem.item)).toEqual([0]);
		expect(result.output('Boomi Spaces', 1).map((item) => item.pairedItem.item)).toEqual([1]);
	});
});
