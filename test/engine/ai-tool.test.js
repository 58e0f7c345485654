// The node used as an AI agent's tool, run the way n8n runs tools (see
// scripted-agent.js for what is n8n's code and what is the stand-in): one
// Boomi Spaces tool node per operation, each with its inputs from $fromAI().
const { encodeAttachmentId, seedIds } = require('../simulator');
const { CREDENTIALS, NODE_TYPE, locator } = require('./boomi-workflow');
const { AGENT_TYPE, scriptedAgent, toolConnections } = require('./scripted-agent');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine({ extraNodeTypes: { [AGENT_TYPE]: scriptedAgent } });
const { INSTANCE_ORDER_SYNC_APAC: APAC, INSTANCE_HR, ENV_TEST, ENV_DEV, PACK_INVENTORY } = seedIds;

const tool = (name, parameters, extra = {}) => ({
	id: `tool-${name}`,
	name,
	type: `${NODE_TYPE}Tool`,
	typeVersion: 1,
	position: [0, 0],
	parameters,
	credentials: CREDENTIALS,
	...extra,
});
const fromAI = (key, description, type = 'string') => `={{ $fromAI('${key}', \`${description}\`, '${type}') }}`;

const tools = [
	tool('List instances', { resource: 'integrationPackInstance', operation: 'getMany', returnAll: true }),
	tool('List environments', {
		resource: 'environment',
		operation: 'getMany',
		returnAll: true,
		filters: { classification: fromAI('classification', 'PROD or TEST') },
	}),
	tool('Install pack', {
		resource: 'integrationPackInstance',
		operation: 'install',
		integrationPackId: fromAI('integrationPackId', 'ID of the integration pack to install'),
		integrationPackOverrideName: fromAI('name', 'Name of the new instance (required for multi-install packs)'),
	}),
	tool('Attach', {
		resource: 'integrationPackInstance',
		operation: 'attach',
		integrationPackInstanceId: locator(fromAI('instanceId', 'ID of the installed instance')),
		environmentIds: { environment: [{ environmentId: locator(fromAI('environmentIds', 'Comma-separated environment IDs')) }] },
	}),
	tool('Unattach', {
		resource: 'integrationPackInstance',
		operation: 'unattach',
		integrationPackInstanceId: locator(fromAI('attachmentId', 'ID of the environment attachment to remove')),
	}),
	tool('Uninstall', {
		resource: 'integrationPackInstance',
		operation: 'uninstall',
		integrationPackInstanceId: locator(fromAI('instanceId', 'ID of the installed instance to remove')),
	}),
];
const agent = { id: 'agent', name: 'Agent', type: AGENT_TYPE, typeVersion: 1, position: [0, 0], parameters: {} };
const runAgent = (calls) =>
	env.engine.runWorkflow({
		nodes: [agent, ...tools],
		connections: toolConnections('Agent', tools.map((t) => t.name)),
		startNode: 'Agent',
		items: calls.map((json) => ({ json })),
	});

describe('Boomi Spaces as an AI agent tool (n8n-core createNodeAsTool)', () => {
	it('offers one tool per node, described by its operation’s action, with the $fromAI arguments', async () => {
		const result = await runAgent([{ listTools: true }]);

		expect(result.status).toBe('success');
		const [{ json }] = result.output('Agent');
		const byName = (a, b) => a.name.localeCompare(b.name);
		expect(json.tools.sort(byName)).toEqual([
			{ name: 'List_instances', description: 'Get many instances in Boomi Spaces', arguments: {} },
			{ name: 'List_environments', description: 'Get many environments in Boomi Spaces', arguments: { classification: 'PROD or TEST' } },
			{
				name: 'Install_pack',
				description: 'Install integration pack in Boomi Spaces',
				arguments: {
					integrationPackId: 'ID of the integration pack to install',
					name: 'Name of the new instance (required for multi-install packs)',
				},
			},
			{
				name: 'Attach',
				description: 'Attach instance to environments in Boomi Spaces',
				arguments: { instanceId: 'ID of the installed instance', environmentIds: 'Comma-separated environment IDs' },
			},
			{
				name: 'Unattach',
				description: 'Unattach instance from environment in Boomi Spaces',
				arguments: { attachmentId: 'ID of the environment attachment to remove' },
			},
			{ name: 'Uninstall', description: 'Uninstall instance in Boomi Spaces', arguments: { instanceId: 'ID of the installed instance to remove' } },
		].sort(byName));
	});

	it('runs each operation with the arguments the model chose and answers with the node’s items', async () => {
		const result = await runAgent([
			{ tool: 'List_environments', args: { classification: 'TEST' } },
			{ tool: 'Install_pack', args: { integrationPackId: PACK_INVENTORY, name: 'Inventory - Agent' } },
			{ tool: 'Attach', args: { instanceId: APAC, environmentIds: `${ENV_TEST},${ENV_DEV}` } },
			{ tool: 'Unattach', args: { attachmentId: encodeAttachmentId(INSTANCE_HR, ENV_TEST) } },
			{ tool: 'List_instances', args: {} },
		]);

		expect(result.status).toBe('success');
		const [environments, installed, attached, unattached, instances] = result.output('Agent').map((item) => item.json);
		expect(environments.response.map((e) => e.name)).toEqual(['Test', 'Development']);
		expect(installed.response).toEqual([
			{ id: expect.any(String), integrationPackId: PACK_INVENTORY, integrationPackOverrideName: 'Inventory - Agent' },
		]);
		expect(attached.response.map((a) => [a.integrationPackInstanceId, a.environmentId])).toEqual([
			[APAC, ENV_TEST],
			[APAC, ENV_DEV],
		]);
		expect(unattached.response).toEqual([
			expect.objectContaining({ result: encodeAttachmentId(INSTANCE_HR, ENV_TEST), environmentId: ENV_TEST }),
		]);
		expect(instances.response.map((i) => i.id)).toContain(installed.response[0].id);
		// The simulator saw exactly these operations.
		expect(env.graphqlRequests().map((r) => r.json.operationName)).toEqual([
			'ListEnvironments',
			'InstallIntegrationPack',
			'AttachIntegrationPackInstance',
			'UnattachIntegrationPackInstance',
			'ListIntegrationPackInstances',
		]);
		// n8n recorded each tool run on the tool node, as the editor shows it.
		expect(Object.keys(result.runData).sort()).toEqual(['Agent', 'Attach', 'Install pack', 'List environments', 'List instances', 'Unattach']);
	});

	it("gives the model Boomi's error, with the fix, when a call fails", async () => {
		const result = await runAgent([
			{ tool: 'Uninstall', args: { instanceId: 'no-such-instance' } },
			{ tool: 'Install_pack', args: { integrationPackId: PACK_INVENTORY, name: '' } },
		]);

		expect(result.status).toBe('success');
		const [uninstall, install] = result.output('Agent').map((item) => item.json);
		expect(uninstall.error).toMatch(/IPACK_INSTANCE_ID_INVALID: Integration pack instance 'no-such-instance' was not found/);
		expect(uninstall.error).toMatch(/Details: .*did not find the ID/);
		expect(install.error).toMatch(/integrationPackOverrideName is required to install multi-install integration pack/);
	});
});
