// The Process operations' "From List" pickers (methods/processSearch.ts), called
// with n8n-core's LoadOptionsContext like the editor does.
const { encodeProcessSchedulesId, seedIds } = require('../simulator');
const { boomiNode } = require('./boomi-workflow');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine();
const { ATOM_PROD, ATOM_TEST, ATOM_DEV, INSTANCE_HR } = seedIds;

const search = (methodName, filter, operation = 'execute') =>
	env.engine.listSearch({ node: boomiNode({ resource: 'process', operation }), methodName, filter });

describe('list search of the Process operations', () => {
	it('Execute: lists every atom as "<atom> (<environment>)", valued by atom ID, from one query', async () => {
		expect((await search('searchAtoms')).results).toEqual([
			{ name: 'Dev Local Atom (Development)', value: ATOM_DEV },
			{ name: 'Prod Atom Cloud Node (Production)', value: ATOM_PROD },
			{ name: 'Test Molecule (Test)', value: ATOM_TEST },
		]);
		expect(env.graphqlRequests().map((request) => request.json.operationName)).toEqual(['ListAtomsForPicker']);
		expect((await search('searchAtoms', 'molecule')).results.map((result) => result.value)).toEqual([ATOM_TEST]);
	});

	it('Update Schedule: lists each process on each atom it is deployed to, valued by its process schedules ID', async () => {
		const { results } = await search('searchProcessSchedules', undefined, 'updateSchedule');
		const { processId, processSchedulesId } = env.sim.demo;
		expect(results).toContainEqual({
			name: expect.stringMatching(/^.+ \(.+\) on Prod Atom Cloud Node \(Production\)$/),
			value: processSchedulesId,
		});
		expect(processSchedulesId).toBe(encodeProcessSchedulesId(ATOM_PROD, processId));
		expect(new Set(results.map((result) => result.value)).size).toBe(results.length);
		// HR is attached to Production and Test: one entry per atom.
		const hr = env.sim.state.processes.find((process) => process.integrationPackInstanceId === INSTANCE_HR);
		expect(results.map((result) => result.value)).toEqual(
			expect.arrayContaining([encodeProcessSchedulesId(ATOM_PROD, hr.id), encodeProcessSchedulesId(ATOM_TEST, hr.id)]),
		);
		const names = env.graphqlRequests().map((request) => request.json.operationName);
		expect(names.filter((name) => name === 'ListProcessSchedulesForPicker')).toHaveLength(env.sim.state.instances.length);
		expect((await search('searchProcessSchedules', 'test molecule', 'updateSchedule')).results.map((result) => result.value)).toEqual([
			encodeProcessSchedulesId(ATOM_TEST, hr.id),
		]);
	});

	it('a failure throws a NodeApiError naming what could not be loaded, never an empty list', async () => {
		env.sim.injectFault({ operationName: 'ListProcessSchedulesForPicker', status: 500, times: 5 });
		const error = await search('searchProcessSchedules', undefined, 'updateSchedule').catch((caught) => caught);
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toMatch(/^Could not load the process schedules from Boomi Spaces: /);
	});
});
