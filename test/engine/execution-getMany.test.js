// Get Many (process executions) through the n8n engine against the simulator.
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine();
const getMany = (parameters = {}, items = [{}], onError) =>
	env.runNode({ resource: 'execution', operation: 'getMany', parameters: { returnAll: true, ...parameters }, onError }, items);
const processRef = (id) => ({ __rl: true, mode: 'id', value: id });

describe('Get Many process executions through the n8n engine', () => {
	it('success: one item per execution with the status asked for, Boomi’s ["Long","n"] pairs as numbers', async () => {
		const { processId } = env.sim.demo;
		const result = await getMany({ processId: processRef(processId), status: 'ERROR', executionTime: '2025-06-01T00:00:00.000Z' });

		const items = env.expectSuccess(result);
		expect(items.map((item) => item.json.status)).toEqual(['ERROR']);
		expect(items[0].json).toEqual(
			expect.objectContaining({
				executionTime: '2025-06-02T08:30:00Z',
				executionDuration: 5816,
				inboundDocumentSize: 0,
				outboundDocumentSize: 0,
				message: expect.stringMatching(/No data produced/),
			}),
		);
		const [request] = env.graphqlRequests();
		expect(request.json.operationName).toBe('ListProcessExecutions');
		expect(request.json.variables).toEqual({ processId, executionTime: '2025-06-01T00:00:00Z', status: 'ERROR' });
	});

	it('takes the time as a lower bound, and outputs nothing when nothing matches', async () => {
		const { processId } = env.sim.demo;
		const later = await getMany({ processId: processRef(processId), status: 'ERROR', executionTime: '2025-06-02T09:00:00Z' });
		expect(later.status).toBe('success');
		expect(later.output('Boomi Spaces')).toEqual([]);
	});

	it('keeps a value that is not a number as it came and names it, without failing the item', async () => {
		env.answerOnce('ListProcessExecutions', { data: { executionHistory: [{ executionId: 'e1', status: 'ERROR', executionDuration: ['Long', 'n/a'], inboundDocumentSize: ['Long', '12'] }] } });
		const result = await getMany({ processId: processRef(env.sim.demo.processId), status: 'ERROR', executionTime: '2025-06-01T00:00:00Z' });
		expect(env.expectSuccess(result)[0].json).toEqual({ executionId: 'e1', status: 'ERROR', executionDuration: ['Long', 'n/a'], inboundDocumentSize: 12, unparsedFields: ['executionDuration'] });
	});

	it("Boomi error: an unknown process is Boomi's error", async () => {
		const result = await getMany({ processId: processRef('no-such-process'), status: 'ERROR', executionTime: '2025-06-01T00:00:00Z' });
		env.expectBoomiError(result, /^PLATFORM_CALL_ERROR/);
	});

	it('bad input: a time an expression got wrong is refused before any request', async () => {
		const result = await getMany({ processId: processRef(env.sim.demo.processId), status: 'ERROR', executionTime: '={{ $json.since }}' }, [{ since: 'yesterday-ish' }]);
		const error = env.expectBadInput(result, 'Since must be a date and time');
		expect(error.description).toMatch(/^Item 0: "Since" is "yesterday-ish"/);
	});

	it('bad input: an empty process is refused before any request', async () => {
		const result = await getMany({ processId: processRef('={{ $json.process }}'), status: 'ERROR', executionTime: '2025-06-01T00:00:00Z' }, [{ process: '' }]);
		env.expectBadInput(result, 'The Process ID is empty');
	});

	it('with Continue (using error output) pairs each outcome with its item', async () => {
		const result = await getMany(
			{ processId: processRef('={{ $json.process }}'), status: 'ERROR', executionTime: '2025-06-01T00:00:00Z' },
			[{ process: env.sim.demo.processId }, { process: 'no-such-process' }],
			'continueErrorOutput',
		);
		expect(result.output('Boomi Spaces', 0).map((item) => item.pairedItem.item)).toEqual([0]);
		expect(result.output('Boomi Spaces', 1).map((item) => item.pairedItem.item)).toEqual([1]);
	});
});
