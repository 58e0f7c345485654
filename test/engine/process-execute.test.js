// Execute (process) through the n8n engine against the simulator.
const { seedIds } = require('../simulator');
const { boomiNode, locator } = require('./boomi-workflow');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine();
const { ATOM_TEST } = seedIds;
const execute = (parameters = {}, items = [{}], onError) =>
	env.runNode({ resource: 'process', operation: 'execute', parameters, onError }, items);
const demoRun = () => ({ processId: locator(env.sim.demo.processId), atomId: locator(env.sim.demo.atomId) });

describe('Execute process through the n8n engine', () => {
	it("success: starts one run and outputs Boomi's ExecutionRequest as an object", async () => {
		const { processId, atomId, accountId } = env.sim.demo;
		const result = await execute(demoRun());

		const [item] = env.expectSuccess(result);
		expect(item.json).toEqual({
			'@type': 'ExecutionRequest',
			processId,
			atomId,
			requestId: expect.stringMatching(/^executionrecord-[0-9a-f-]{36}$/),
			recordUrl: `https://platform.boomi.com/api/rest/v1/${accountId}/ExecutionRecord/async/${item.json.requestId}`,
		});
		const [request] = env.graphqlRequests();
		expect(request.json.operationName).toBe('ExecuteProcess');
		expect(request.json.variables).toEqual({ atomId, processId });
		expect(env.sim.state.executions.filter((run) => run.requestId === item.json.requestId)).toHaveLength(1);
	});

	it('success: Execute, then Execution › Get Many finds the run it started', async () => {
		const { processId, atomId } = env.sim.demo;
		env.sim.setProcessOutcome(processId, { status: 'COMPLETE', runMs: 0, inboundDocumentCount: 4, outboundDocumentCount: 4 });
		const result = await env.engine.runWorkflow({
			nodes: [
				boomiNode({ name: 'Execute', resource: 'process', operation: 'execute', parameters: demoRun() }),
				boomiNode({
					name: 'Boomi Spaces',
					resource: 'execution',
					operation: 'getMany',
					parameters: {
						processId: locator('={{ $json.processId }}'),
						status: 'COMPLETE',
						executionTime: '={{ $now.minus({ minutes: 5 }).toISO() }}',
						returnAll: true,
					},
					position: [200, 0],
				}),
			],
			connections: { Execute: { main: [[{ node: 'Boomi Spaces', type: 'main', index: 0 }]] } },
			items: [{ json: {} }],
		});

		const runs = env.expectSuccess(result);
		expect(runs.map((run) => run.json)).toEqual([
			expect.objectContaining({ status: 'COMPLETE', executionType: 'exec_manual', atomId, inboundDocumentCount: 4, executionDuration: 0 }),
		]);
		const started = env.sim.state.executions.find((run) => run.requestId === result.output('Execute')[0].json.requestId);
		expect(runs[0].json.executionId).toBe(started.executionId);
	});

	it('keeps an answer that is not JSON as it came and names it, without failing the item', async () => {
		env.answerOnce('ExecuteProcess', { data: { processExecute: 'accepted, see the platform' } });
		const [item] = env.expectSuccess(await execute(demoRun()));
		expect(item.json).toEqual({
			processId: env.sim.demo.processId,
			atomId: env.sim.demo.atomId,
			requestId: null,
			recordUrl: null,
			executionRequest: 'accepted, see the platform',
			unparsedFields: ['executionRequest'],
		});
	});

	it("Boomi error: an atom the process is not deployed to is Boomi's error, and nothing runs", async () => {
		const before = env.sim.state.executions.length;
		const result = await execute({ processId: locator(env.sim.demo.processId), atomId: locator(ATOM_TEST) });
		env.expectBoomiError(result, /^PLATFORM_CALL_ERROR/);
		expect(env.sim.state.executions).toHaveLength(before);
	});

	it('bad input: an empty atom is refused before any request', async () => {
		const result = await execute({ processId: locator(env.sim.demo.processId), atomId: locator('={{ $json.atom }}') }, [{ atom: '' }]);
		const error = env.expectBadInput(result, 'The Atom ID is empty');
		expect(error.description).toMatch(/^Item 0: set "Atom"/);
	});

	it('bad input: a process given as an object is refused before any request', async () => {
		const result = await execute({ processId: locator('={{ $json.process }}'), atomId: locator(env.sim.demo.atomId) }, [{ process: { id: 1 } }]);
		env.expectBadInput(result, 'The Process ID must be text, but the expression gave a object');
	});

	it('with Continue (using error output) pairs each outcome with its item', async () => {
		const result = await execute(
			{ processId: locator(env.sim.demo.processId), atomId: locator('={{ $json.atom }}') },
			[{ atom: env.sim.demo.atomId }, { atom: ATOM_TEST }, { atom: env.sim.demo.atomId }],
			'continueErrorOutput',
		);
		expect(result.output('Boomi Spaces', 0).map((item) => item.pairedItem.item)).toEqual([0, 2]);
		expect(result.output('Boomi Spaces', 1).map((item) => item.pairedItem.item)).toEqual([1]);
		expect(result.output('Boomi Spaces', 1)[0].json.error).toMatch(/PLATFORM_CALL_ERROR/);
	});
});
