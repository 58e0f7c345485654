// Get Processes (with their schedules) through the n8n engine against the simulator.
const { encodeProcessSchedulesId, seedIds } = require('../simulator');
const { locator } = require('./boomi-workflow');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine();
const { INSTANCE_ORDER_SYNC_EMEA: EMEA, INSTANCE_ORDER_SYNC_APAC: APAC, INSTANCE_HR, PACK_ORDER_SYNC, ATOM_PROD, ATOM_TEST, ENV_PROD } = seedIds;

const getProcesses = (instance, parameters = {}, items = [{}], onError) =>
	env.runNode(
		{ operation: 'getProcesses', parameters: { integrationPackInstanceId: locator(instance), returnAll: true, ...parameters }, onError },
		items,
	);
const processesOf = (instanceId) => env.sim.state.processes.filter((p) => p.integrationPackInstanceId === instanceId);

describe('Get Processes through the n8n engine', () => {
	it('success: one item per process with its schedules flattened, processSchedulesId as Update Schedule takes it', async () => {
		const [orders, backSync] = processesOf(EMEA);
		const items = env.expectSuccess(await getProcesses(EMEA));

		expect(items.map((item) => item.json)).toEqual([
			{
				id: orders.id,
				name: 'Order Sync - Opportunities to Sales Orders',
				processId: orders.id,
				integrationPackInstanceId: EMEA,
				integrationPackId: PACK_ORDER_SYNC,
				processSchedulesId: encodeProcessSchedulesId(ATOM_PROD, orders.id),
				atomId: ATOM_PROD,
				envId: ENV_PROD,
				schedule: [{ minutes: '0-59/15', hours: '8-18', daysOfWeek: '2,3,4,5,6', daysOfMonth: '*', months: '*', years: '*' }],
				retry: { schedule: [{ minutes: '0-59/5', hours: '8-18', daysOfWeek: '2,3,4,5,6', daysOfMonth: '*', months: '*', years: '*' }], maxRetry: 3 },
			},
			expect.objectContaining({ id: backSync.id, processSchedulesId: encodeProcessSchedulesId(ATOM_PROD, backSync.id), schedule: [], retry: { schedule: [], maxRetry: 5 } }),
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		const [request] = env.graphqlRequests();
		expect(request.json.operationName).toBe('ListIntegrationPackInstanceProcesses');
		expect(request.json.variables).toEqual({ integrationPackInstanceId: EMEA });
	});

	it('lists a process once per atom it is deployed to, and a process deployed nowhere without schedules', async () => {
		const hr = env.expectSuccess(await getProcesses(INSTANCE_HR));
		expect(hr.map((item) => item.json.atomId)).toEqual([ATOM_PROD, ATOM_TEST]);
		const apac = env.expectSuccess(await getProcesses(APAC));
		expect(apac.map((item) => item.json)).toEqual(
			processesOf(APAC).map((p) =>
				expect.objectContaining({ id: p.id, processSchedulesId: null, atomId: null, envId: null, schedule: [], retry: null }),
			),
		);
	});

	it('applies Limit to the processes Boomi lists', async () => {
		const items = env.expectSuccess(await getProcesses(EMEA, { returnAll: false, limit: 1 }));
		expect(items).toHaveLength(1);
	});

	it("Boomi error: an unknown instance is Boomi's IPACK_INSTANCE_ID_INVALID", async () => {
		const result = await getProcesses('no-such-instance');
		env.expectBoomiError(result, /^IPACK_INSTANCE_ID_INVALID/);
	});

	it('bad input: an empty instance is refused before any request', async () => {
		const result = await getProcesses('={{ $json.instance }}', {}, [{ instance: '' }]);
		const error = env.expectBadInput(result, 'The Integration Pack Instance ID is empty');
		expect(error.description).toMatch(/^Item 0: set "Integration Pack Instance"/);
	});

	it('with Continue (using error output) pairs each outcome with its item', async () => {
		const result = await getProcesses('={{ $json.instance }}', {}, [{ instance: EMEA }, { instance: 'no-such-instance' }], 'continueErrorOutput');
		expect(result.status).toBe('success');
		expect(result.output('Boomi Spaces', 0).map((item) => item.pairedItem.item)).toEqual([0, 0]);
		expect(result.output('Boomi Spaces', 1).map((item) => item.pairedItem.item)).toEqual([1]);
	});
});
