// Environment Extensions › Update Map Extension through the n8n engine against the simulator.
const { seedIds } = require('../simulator');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine();
const { ENV_PROD } = seedIds;

const updateMap = (parameters, items = [{}], onError) =>
	env.runNode({ resource: 'environmentExtensions', operation: 'updateMapExtension', parameters, onError }, items);
const mappings = (...pairs) => ({
	'@type': 'EnvironmentMapExtension',
	Map: { ExtendedMappings: { Mapping: pairs.map(([fromXPath, toXPath]) => ({ fromXPath, toXPath })) } },
});

describe('Update a map extension through the n8n engine', () => {
	it('success: replaces the extended mappings, the updated document parsed with its IDs', async () => {
		const { mapExtensionId, processId } = env.sim.demo;
		const sent = mappings(['/Opportunity/Region', '/SalesOrder/department']);
		const items = env.expectSuccess(await updateMap({ envExtensionId: mapExtensionId, extensions: JSON.stringify(sent) }));

		expect(items.map((item) => item.json)).toEqual([
			{
				envExtensionId: mapExtensionId,
				environmentId: ENV_PROD,
				processId,
				mapId: '17106512345671710651234567',
				name: 'Opportunity to Sales Order',
				environmentMapExtension: expect.objectContaining({ '@type': 'EnvironmentMapExtension', id: mapExtensionId }),
			},
		]);
		expect(items[0].json.environmentMapExtension.Map.ExtendedMappings.Mapping.map((m) => m.toXPath)).toEqual(['/SalesOrder/department']);
		const [request] = env.graphqlRequests();
		expect(request.json.operationName).toBe('UpdateEnvironmentMapExtension');
		expect(request.json.variables).toEqual({ envExtensionId: mapExtensionId, extensions: JSON.stringify(sent) });
	});

	it("takes the ID from the JSON's id when the field is empty", async () => {
		const { mapExtensionId } = env.sim.demo;
		const [item] = env.expectSuccess(await updateMap({ extensions: JSON.stringify({ ...mappings(), id: mapExtensionId }) }));
		expect(item.json.envExtensionId).toBe(mapExtensionId);
	});

	it('keeps an answer that does not parse as it came and names it', async () => {
		env.answerOnce('UpdateEnvironmentMapExtension', { data: { extendedMappersUpdate: ['{“@type”:…}'] } });
		const [item] = env.expectSuccess(await updateMap({ envExtensionId: env.sim.demo.mapExtensionId, extensions: JSON.stringify(mappings()) }));
		expect(item.json).toEqual({
			envExtensionId: env.sim.demo.mapExtensionId,
			environmentId: null,
			processId: null,
			mapId: null,
			name: null,
			environmentMapExtension: '{“@type”:…}',
			unparsedFields: ['environmentMapExtension'],
		});
	});

	it("Boomi error: a mapping from a path not in the source profile is Boomi's error", async () => {
		const result = await updateMap({ envExtensionId: env.sim.demo.mapExtensionId, extensions: JSON.stringify(mappings(['/Nope', '/SalesOrder/memo'])) });
		env.expectBoomiError(result, /fromXPath '\/Nope' is not in the source profile/);
	});

	it('bad input: a map extension that is not a JSON object is refused before any request', async () => {
		const result = await updateMap({ envExtensionId: env.sim.demo.mapExtensionId, extensions: '"Map"' });
		const error = env.expectBadInput(result, 'Map Extension must be a JSON object');
		expect(error.description).toMatch(/^Item 0: "Map Extension" is "Map", not a JSON object/);
	});

	it('with Continue (using error output) pairs each outcome with its item', async () => {
		const result = await updateMap(
			{ envExtensionId: '={{ $json.id }}', extensions: JSON.stringify(mappings()) },
			[{ id: env.sim.demo.mapExtensionId }, { id: 'no-such-map-extension' }],
			'continueErrorOutput',
		);
		expect(result.status).toBe('success');
		expect(result.output('Boomi Spaces', 0).map((item) => item.pairedItem.item)).toEqual([0]);
		expect(result.output('Boomi Spaces', 1).map((item) => item.pairedItem.item)).toEqual([1]);
	});
});
