// The Boomi Spaces Trigger's poll() through n8n-core's real PollContext
// (test/engine/trigger-engine.js) against the simulator: baseline, new events,
// status filter, no duplicates, no loss after a failed poll, manual Fetch Test
// Event, bounded state.
const { encodeAttachmentId, seedIds } = require('../simulator');
const { locator, simulatorCredential, useCredential } = require('./boomi-workflow');
const { useSimulatorEngine } = require('./simulator-engine');
const { activeTrigger } = require('./trigger-engine');
const { ok } = require('../simulator/testkit');
const { accountsInUse } = require('../../dist/nodes/BoomiSpaces/transport/flow');

const env = useSimulatorEngine();
const { INSTANCE_ORDER_SYNC_APAC: APAC, INSTANCE_HR, ENV_PROD, ENV_TEST } = seedIds;

const executionsTrigger = (parameters = {}) => activeTrigger(env.engine, { event: 'processExecutionFinished', ...parameters });
const fail = (message, extra = {}) => env.sim.recordExecution({ processId: env.sim.demo.processId, status: 'ERROR', message, ...extra });
const queries = () => env.graphqlRequests().map((request) => request.json.operationName);
const attach = (instance, environmentId) =>
	env.runNode({ operation: 'attach', parameters: { integrationPackInstanceId: locator(instance), environmentIds: { environment: [{ environmentId: locator(environmentId) }] } } });
const unattach = (attachmentId) => env.runNode({ operation: 'unattach', parameters: { integrationPackInstanceId: locator(attachmentId) } });

describe('Process Execution Finished', () => {
	it('the first poll records a starting point and emits nothing; later failures are emitted once, with process, instance and environment', async () => {
		fail('before activation');
		const trigger = executionsTrigger();
		expect(await trigger.poll()).toBeNull();
		expect(trigger.saved.staticData).toEqual({ 'node:Boomi Spaces Trigger': { state: expect.objectContaining({ polledAt: expect.any(Number) }) } });

		const record = fail('Salesforce login failed');
		const [event, ...rest] = await trigger.events();
		expect(rest).toEqual([]);
		expect(event).toEqual(
			expect.objectContaining({
				event: 'processExecutionFinished',
				executionId: record.executionId,
				status: 'ERROR',
				message: 'Salesforce login failed',
				executionDuration: 0,
				processId: env.sim.demo.processId,
				processName: expect.any(String),
				integrationPackInstanceId: env.sim.demo.instanceId,
				integrationPackInstanceName: expect.any(String),
				atomId: record.atomId,
				atomName: expect.any(String),
				environmentId: expect.any(String),
				environmentName: expect.any(String),
				environmentClassification: expect.stringMatching(/^(PROD|TEST)$/),
			}),
		);
		// Polled again (n8n repeating a poll): nothing new.
		expect(await trigger.poll()).toBeNull();
	});

	it('a run started with processExecute that ends in an error is emitted when it finishes, not while it runs', async () => {
		const trigger = executionsTrigger();
		await trigger.poll();
		env.sim.setProcessOutcome(env.sim.demo.processId, { status: 'ERROR', message: 'Connector timed out', runMs: 60000 });
		await ok(env.sim, 'mutation Run($input: ProcessExecuteInput!) { processExecute(input: $input) }', { input: { atomId: env.sim.demo.atomId, processId: env.sim.demo.processId } });
		expect(await trigger.events()).toEqual([]); // still running: not an ERROR yet
		env.sim.settleExecutions();
		expect((await trigger.events()).map((event) => [event.status, event.message])).toEqual([['ERROR', 'Connector timed out']]);
		expect(await trigger.events()).toEqual([]);
	});

	it('filters by status: one request per status and process, only the chosen statuses emitted', async () => {
		const trigger = executionsTrigger({ statuses: ['ERROR', 'ABORTED'], instanceScope: 'instance', integrationPackInstanceId: locator(env.sim.demo.instanceId) });
		await trigger.poll();
		env.sim.requests.length = 0;
		fail('boom');
		env.sim.recordExecution({ processId: env.sim.demo.processId, status: 'COMPLETE' });
		env.sim.recordExecution({ processId: env.sim.demo.processId, status: 'ABORTED' });
		const events = await trigger.events();
		expect(events.map((event) => event.status).sort()).toEqual(['ABORTED', 'ERROR']);
		const processes = new Set(env.sim.state.processes.filter((p) => p.integrationPackInstanceId === env.sim.demo.instanceId).map((p) => p.id));
		const history = env.graphqlRequests().filter((request) => request.json.operationName === 'ListProcessExecutions');
		expect(history).toHaveLength(processes.size * 2);
		expect(new Set(history.map((request) => request.json.variables.status))).toEqual(new Set(['ERROR', 'ABORTED']));
	});

	it('two overlapping polls of one active workflow emit each execution once', async () => {
		const trigger = executionsTrigger();
		await trigger.poll();
		const workflow = trigger.workflowOf();
		fail('once');
		env.sim.setOptions({ latencyMs: 5 });
		const [a, b] = await Promise.all([trigger.poll({ workflow }), trigger.poll({ workflow })]);
		const emitted = [a, b].flatMap((result) => (result ?? [[]])[0]);
		expect(emitted.map((item) => item.json.message)).toEqual(['once']);
	});

	it('a failed poll throws Boomi’s error and loses nothing: the next poll emits what happened meanwhile', async () => {
		const trigger = executionsTrigger();
		await trigger.poll();
		const before = JSON.stringify(trigger.saved.staticData);
		fail('during the outage');
		env.sim.injectFault({ operationName: 'ListProcessExecutions', fieldError: { code: 'PLATFORM_CALL_ERROR', message: 'PLATFORM_CALL_ERROR: the platform is down' } });
		await expect(trigger.poll()).rejects.toMatchObject({ name: 'NodeApiError', message: expect.stringMatching(/the platform is down/) });
		expect(JSON.stringify(trigger.saved.staticData)).toBe(before);
		expect((await trigger.events()).map((event) => event.message)).toEqual(['during the outage']);
	});

	it('a wrong credential fails the poll with a clear error and no secret in it', async () => {
		const trigger = executionsTrigger();
		useCredential(env.engine, simulatorCredential(env.sim, { apiToken: 'wrong-token-123' }));
		const error = await trigger.poll().catch((caught) => caught);
		expect(error.name).toMatch(/NodeApiError|NodeOperationError/);
		expect(`${error.message} ${error.description}`).toMatch(/credential|401|unauthori[sz]ed|token/i);
		expect(JSON.stringify({ message: error.message, description: error.description, context: error.context })).not.toContain('wrong-token-123');
		expect(trigger.saved.staticData).toEqual({});
	});

	it('manual Fetch Test Event returns the most recent matching execution and leaves the starting point alone', async () => {
		const trigger = executionsTrigger();
		await trigger.poll();
		const stored = JSON.stringify(trigger.saved.staticData);
		fail('older', { executionTime: new Date(Date.now() - 3600e3) });
		fail('newest', { executionTime: new Date(Date.now() - 60e3) });
		expect((await trigger.events({ mode: 'manual' })).map((event) => event.message)).toEqual(['newest']);
		expect(JSON.stringify(trigger.saved.staticData)).toBe(stored);
		// The active poll still emits both, once.
		expect((await trigger.events()).map((event) => event.message)).toEqual(['older', 'newest']);
	});

	it('manual Fetch Test Event with no execution yet says so', async () => {
		const trigger = executionsTrigger({ statuses: ['DISCARDED'] });
		await expect(trigger.poll({ mode: 'manual' })).rejects.toMatchObject({ name: 'NodeOperationError', message: 'No matching execution yet' });
	});

	it('keeps its state bounded: 20 polls 10 minutes apart, each with a new failure, remember only the late-result window', async () => {
		let now = Date.now();
		const clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
		try {
			const trigger = executionsTrigger(); // window: 60 minutes
			await trigger.poll();
			const remembered = [];
			for (let poll = 0; poll < 20; poll++) {
				now += 10 * 60e3;
				fail(`run ${poll}`, { executionTime: new Date(now - 1000) });
				expect((await trigger.events()).map((event) => event.message)).toEqual([`run ${poll}`]);
				remembered.push(Object.keys(trigger.saved.staticData['node:Boomi Spaces Trigger'].state.seen).length);
			}
			expect(Math.max(...remembered)).toBeLessThanOrEqual(7);
			expect(remembered.slice(-10)).toEqual(Array(10).fill(remembered.at(-1)));
		} finally {
			clock.mockRestore();
		}
	});

	it('paces its requests under Boomi’s limit with the account’s shared pace, and leaves it after the poll', async () => {
		// Boomi's 10 calls per second with almost no burst: a poll's back-to-back requests would meet 503s unpaced.
		env.sim.setOptions({ rateLimit: { requestsPerSecond: 10, burst: 2, status: 503 } });
		const trigger = executionsTrigger();
		expect(await trigger.poll()).toBeNull();
		const graphql = env.graphqlRequests();
		expect(graphql.length).toBeGreaterThan(3);
		expect(graphql.filter((request) => request.throttled)).toEqual([]);
		expect(accountsInUse()).toBe(0);
	});

	it('bad input: no status chosen is refused before any request', async () => {
		const trigger = executionsTrigger({ statuses: [] });
		await expect(trigger.poll()).rejects.toMatchObject({ name: 'NodeOperationError', message: 'Choose at least one execution status' });
		expect(queries()).toEqual([]);
	});
});

describe('Integration pack instance installed / uninstalled', () => {
	it('emits an installed instance once, then its uninstall', async () => {
		const installed = activeTrigger(env.engine, { event: 'instanceInstalled' });
		const uninstalled = activeTrigger(env.engine, { event: 'instanceUninstalled' });
		expect(await installed.poll()).toBeNull();
		expect(await uninstalled.poll()).toBeNull();
		const result = await env.runNode({ operation: 'install', parameters: { integrationPackId: seedIds.PACK_ORDER_SYNC, integrationPackOverrideName: 'Order Sync - Acme' } });
		const { id } = env.expectSuccess(result)[0].json;
		expect(await installed.events()).toEqual([
			{ event: 'instanceInstalled', id, name: 'Order Sync - Acme', integrationPackOverrideName: 'Order Sync - Acme', integrationPack: expect.objectContaining({ id: seedIds.PACK_ORDER_SYNC }) },
		]);
		expect(await installed.poll()).toBeNull();
		expect(await uninstalled.poll()).toBeNull();
		env.expectSuccess(await env.runNode({ operation: 'uninstall', parameters: { integrationPackInstanceId: locator(id) } }));
		expect((await uninstalled.events()).map((event) => [event.event, event.id, event.name])).toEqual([['instanceUninstalled', id, 'Order Sync - Acme']]);
		expect(await installed.poll()).toBeNull();
	});

	it('manual Fetch Test Event: a sample instance for Installed; a clear message for Uninstalled when none happened', async () => {
		const installed = activeTrigger(env.engine, { event: 'instanceInstalled' });
		expect(await installed.events({ mode: 'manual' })).toEqual([expect.objectContaining({ event: 'instanceInstalled', id: expect.any(String) })]);
		expect(installed.saved.staticData).toEqual({});
		const uninstalled = activeTrigger(env.engine, { event: 'instanceUninstalled' });
		await expect(uninstalled.poll({ mode: 'manual' })).rejects.toMatchObject({ name: 'NodeOperationError', message: expect.stringMatching(/^No uninstall/) });
	});
});

describe('Instance attached to / detached from environment', () => {
	it('emits an attach once and its detach once, with attachment, instance and environment', async () => {
		const attached = activeTrigger(env.engine, { event: 'instanceAttached' });
		const detached = activeTrigger(env.engine, { event: 'instanceDetached' });
		await attached.poll();
		await detached.poll();
		env.expectSuccess(await attach(APAC, ENV_PROD));
		const attachmentId = encodeAttachmentId(APAC, ENV_PROD);
		const expected = {
			id: attachmentId,
			integrationPackInstanceId: APAC,
			integrationPackInstanceName: 'Order Sync - APAC',
			environmentId: ENV_PROD,
			environmentName: 'Production',
			environmentClassification: 'PROD',
		};
		expect(await attached.events()).toEqual([{ event: 'instanceAttached', ...expected }]);
		expect(await detached.events()).toEqual([]);
		expect(await attached.events()).toEqual([]);
		env.expectSuccess(await unattach(attachmentId));
		expect(await detached.events()).toEqual([{ event: 'instanceDetached', ...expected }]);
		expect(await detached.events()).toEqual([]);
		expect(await attached.events()).toEqual([]);
	});

	it('a failed poll changes nothing: the attach made meanwhile comes with the next poll', async () => {
		const attached = activeTrigger(env.engine, { event: 'instanceAttached' });
		await attached.poll();
		env.expectSuccess(await attach(INSTANCE_HR, seedIds.ENV_DEV));
		env.sim.injectFault({ operationName: 'ListEnvironments', fieldError: { code: 'PLATFORM_CALL_ERROR', message: 'PLATFORM_CALL_ERROR: environments unavailable' } });
		await expect(attached.poll()).rejects.toMatchObject({ name: 'NodeApiError' });
		expect((await attached.events()).map((event) => [event.integrationPackInstanceId, event.environmentId])).toEqual([[INSTANCE_HR, seedIds.ENV_DEV]]);
	});

	it('manual Fetch Test Event on Detached with nothing detached says what to do', async () => {
		const detached = activeTrigger(env.engine, { event: 'instanceDetached' });
		await expect(detached.poll({ mode: 'manual' })).rejects.toMatchObject({ name: 'NodeOperationError', message: expect.stringMatching(/^No detachment/) });
		expect(ENV_TEST).toBeDefined();
	});
});
