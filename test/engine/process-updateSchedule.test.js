// Update Schedule (process) through the n8n engine against the simulator.
const { encodeProcessSchedulesId, seedIds } = require('../simulator');
const { locator } = require('./boomi-workflow');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine();
const { ATOM_PROD, ENV_PROD } = seedIds;
const update = (parameters = {}, items = [{}], onError) =>
	env.runNode({ resource: 'process', operation: 'updateSchedule', parameters, onError }, items);
const row = (minutes, hours = '8-18', daysOfWeek = '2,3,4,5,6', rest = {}) => ({ minutes, hours, daysOfWeek, daysOfMonth: '', months: '', years: '', ...rest });
const star = (minutes, hours = '8-18', daysOfWeek = '2,3,4,5,6') => ({ minutes, hours, daysOfWeek, daysOfMonth: '*', months: '*', years: '*' });
const sentJson = () => JSON.parse(env.graphqlRequests()[0].json.variables.processSchedules);

describe('Update Schedule (process) through the n8n engine', () => {
	it("success: replaces the schedules with Boomi's capitalised JSON and outputs them as Boomi now holds them", async () => {
		const { processSchedulesId, processId } = env.sim.demo;
		const result = await update({
			processSchedulesId: locator(processSchedulesId),
			processSchedules: { schedule: [row('0-59/15'), row('30', '6', '*')] },
		});

		const [item] = env.expectSuccess(result);
		expect(item.json).toEqual({
			id: processSchedulesId,
			processId,
			atomId: ATOM_PROD,
			envId: ENV_PROD,
			schedule: [star('0-59/15'), star('30', '6', '*')],
			retry: { schedule: [], maxRetry: 5 },
		});
		const [request] = env.graphqlRequests();
		expect(request.json.operationName).toBe('UpdateProcessSchedules');
		expect(request.json.variables.processSchedulesId).toBe(processSchedulesId);
		// Empty fields travel as "*" (what Boomi stores for ""); the process and atom come from the id.
		expect(sentJson()).toEqual({
			Schedule: [star('0-59/15'), star('30', '6', '*')],
			Retry: { Schedule: [], maxRetry: 5 },
			processId,
			atomId: ATOM_PROD,
			id: processSchedulesId,
		});
	});

	it('success: retries failed documents on the same schedules, up to Max Retries', async () => {
		const result = await update({
			processSchedulesId: locator(env.sim.demo.processSchedulesId),
			processSchedules: { schedule: [row('0-59/15')] },
			retry: true,
			maxRetry: 2,
		});
		const [item] = env.expectSuccess(result);
		expect(item.json.retry).toEqual({ schedule: [star('0-59/15')], maxRetry: 2 });
		expect(sentJson().Retry).toEqual({ Schedule: [star('0-59/15')], maxRetry: 2 });
	});

	it('success: no schedule row unschedules the process', async () => {
		const [item] = env.expectSuccess(await update({ processSchedulesId: locator(env.sim.demo.processSchedulesId) }));
		expect(item.json).toMatchObject({ schedule: [], retry: { schedule: [], maxRetry: 5 } });
	});

	it('success: an ID not in the observed form is sent unchanged, with the process and atom from Additional Fields', async () => {
		env.answerOnce('UpdateProcessSchedules', {
			data: { processSchedulesUpdate: { id: 'opaque-id', processId: 'p-1', atomId: 'a-1', envId: null, schedule: [star('0')], retry: null } },
		});
		const result = await update({
			processSchedulesId: locator('opaque-id'),
			processSchedules: { schedule: [row('0')] },
			additionalFields: { processId: 'p-1', atomId: 'a-1' },
		});
		const [item] = env.expectSuccess(result);
		expect(item.json).toEqual({ id: 'opaque-id', processId: 'p-1', atomId: 'a-1', envId: null, schedule: [star('0')], retry: { schedule: [], maxRetry: null } });
		expect(sentJson()).toMatchObject({ processId: 'p-1', atomId: 'a-1', id: 'opaque-id' });
	});

	it("Boomi error: process schedules Boomi does not know are Boomi's error, and nothing is stored", async () => {
		const before = structuredClone(env.sim.state.processSchedules);
		const result = await update({
			processSchedulesId: locator(encodeProcessSchedulesId(ATOM_PROD, 'no-such-process')),
			processSchedules: { schedule: [row('0')] },
		});
		env.expectBoomiError(result, /^PLATFORM_CALL_ERROR/);
		expect(env.sim.state.processSchedules).toEqual(before);
	});

	it('bad input: a minutes field that is not an expression is refused before any request', async () => {
		const result = await update({
			processSchedulesId: locator(env.sim.demo.processSchedulesId),
			processSchedules: { schedule: [row('0'), row('every 5')] },
		});
		const error = env.expectBadInput(result, 'Schedules › row 2 › Minutes is not a valid schedule expression');
		expect(error.description).toMatch(/^Item 0: "Schedules › row 2 › Minutes" is "every 5"\. .*numbers from 0 to 59/);
	});

	it.each([
		['an hour out of range', row('0', '8-24'), 'Schedules › row 1 › Hours is not a valid schedule expression'],
		['an empty hour', row('0', ''), 'Schedules › row 1 › Hours is empty'],
		['a day of week 0', row('0', '*', '0,1'), 'Schedules › row 1 › Days of Week is not a valid schedule expression'],
		['a reversed range', row('30-10'), 'Schedules › row 1 › Minutes is not a valid schedule expression'],
	])('bad input: %s is refused before any request', async (_name, entry, message) => {
		const result = await update({ processSchedulesId: locator(env.sim.demo.processSchedulesId), processSchedules: { schedule: [entry] } });
		env.expectBadInput(result, message);
	});

	it('bad input: an ID that cannot be read, without Process ID and Atom ID, is refused before any request', async () => {
		const result = await update({ processSchedulesId: locator('opaque-id'), processSchedules: { schedule: [row('0')] } });
		const error = env.expectBadInput(result, 'Process ID and Atom ID are needed for this Process Schedules ID');
		expect(error.description).toMatch(/Additional Fields/);
	});

	it('bad input: a Process ID that contradicts the Process Schedules ID is refused before any request', async () => {
		const result = await update({
			processSchedulesId: locator(env.sim.demo.processSchedulesId),
			additionalFields: { processId: 'another-process' },
		});
		env.expectBadInput(result, 'The Process ID does not match the Process Schedules ID');
	});

	it('bad input: Max Retries outside 1–5 is refused before any request', async () => {
		const result = await update(
			{ processSchedulesId: locator(env.sim.demo.processSchedulesId), processSchedules: { schedule: [row('0')] }, retry: true, maxRetry: '={{ $json.retries }}' },
			[{ retries: 9 }],
		);
		env.expectBadInput(result, 'Max Retries must be a whole number from 1 to 5');
	});

	it('bad input: retries without a schedule are refused before any request', async () => {
		const result = await update({ processSchedulesId: locator(env.sim.demo.processSchedulesId), retry: true });
		env.expectBadInput(result, 'Retries need a schedule');
	});

	it('with Continue (using error output) pairs each outcome with its item', async () => {
		const result = await update(
			{ processSchedulesId: locator(env.sim.demo.processSchedulesId), processSchedules: { schedule: [row('={{ $json.minutes }}')] } },
			[{ minutes: '0' }, { minutes: 'soon' }, { minutes: '*/10' }],
			'continueErrorOutput',
		);
		expect(result.output('Boomi Spaces', 0).map((item) => item.pairedItem.item)).toEqual([0, 2]);
		expect(result.output('Boomi Spaces', 1).map((item) => item.pairedItem.item)).toEqual([1]);
		expect(env.graphqlRequests()).toHaveLength(2);
	});
});
