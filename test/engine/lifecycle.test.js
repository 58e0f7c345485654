// The integration-pack lifecycle in one n8n workflow against the simulator:
// Request (n8n's No Operation node holding the input) → Install → Attach (two
// environments) → Unattach (each attachment it created) → Uninstall (once),
// each Boomi node reading earlier output through n8n expressions.
const { peerNodeTypes } = require('../n8n-peer');
const { seedIds } = require('../simulator');
const { boomiNode, locator } = require('./boomi-workflow');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine({ extraNodeTypes: peerNodeTypes(['NoOp/NoOp.node.js']) });
const { PACK_INVENTORY, ENV_PROD, ENV_TEST } = seedIds;

const chain = (...names) =>
	Object.fromEntries(names.slice(0, -1).map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]));

const nodes = [
	{ id: 'request', name: 'Request', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [0, 0], parameters: {} },
	boomiNode({
		name: 'Install',
		operation: 'install',
		parameters: { integrationPackId: '={{ $json.pack }}', integrationPackOverrideName: '={{ $json.name }}' },
	}),
	boomiNode({
		name: 'Attach',
		operation: 'attach',
		parameters: {
			integrationPackInstanceId: locator('={{ $json.id }}'),
			environmentIds: { environment: [{ environmentId: locator("={{ $('Request').item.json.environments }}") }] },
		},
	}),
	boomiNode({ name: 'Unattach', operation: 'unattach', parameters: { integrationPackInstanceId: locator('={{ $json.id }}') } }),
	{
		...boomiNode({
			name: 'Uninstall',
			operation: 'uninstall',
			parameters: { integrationPackInstanceId: locator("={{ $('Install').item.json.id }}") },
		}),
		executeOnce: true,
	},
];

describe('Install → Attach → Unattach → Uninstall round trip', () => {
	it('applies each step once, in order, and leaves the Space as it was', async () => {
		const before = structuredClone({ instances: env.sim.state.instances, attachments: env.sim.state.attachments });
		const result = await env.engine.runWorkflow({
			nodes,
			connections: chain('Request', 'Install', 'Attach', 'Unattach', 'Uninstall'),
			items: [{ json: { pack: PACK_INVENTORY, name: 'Inventory - EU Stores', environments: [ENV_PROD, ENV_TEST] } }],
		});

		expect(result.status).toBe('success');
		expect(result.executionOrder).toEqual(['Request', 'Install', 'Attach', 'Unattach', 'Uninstall']);
		const [installed] = result.output('Install');
		const instanceId = installed.json.id;
		expect(installed.json).toEqual({ id: instanceId, integrationPackId: PACK_INVENTORY, integrationPackOverrideName: 'Inventory - EU Stores' });

		const attached = result.output('Attach').map((item) => item.json);
		expect(attached.map((a) => [a.integrationPackInstanceId, a.environmentId])).toEqual([
			[instanceId, ENV_PROD],
			[instanceId, ENV_TEST],
		]);
		const unattached = result.output('Unattach').map((item) => item.json);
		expect(unattached.map((u) => u.result)).toEqual(attached.map((a) => a.id));
		expect(unattached.map((u) => u.environmentId)).toEqual([ENV_PROD, ENV_TEST]);
		expect(result.output('Uninstall').map((item) => item.json)).toEqual([{ uninstalled: true, id: instanceId, result: instanceId }]);

		expect(env.sim.mutations.map((m) => m.field)).toEqual([
			'integrationPackInstanceInstall',
			'integrationPackInstanceEnvironmentAttachmentAttach',
			'integrationPackInstanceEnvironmentAttachmentUnattach',
			'integrationPackInstanceEnvironmentAttachmentUnattach',
			'integrationPackInstanceUninstall',
		]);
		expect({ instances: env.sim.state.instances, attachments: env.sim.state.attachments }).toEqual(before);
	});

	it('shows each intermediate state through Get Many on Environment', async () => {
		const attachmentsOf = async (instanceId) => {
			const result = await env.runNode({ resource: 'environment', operation: 'getMany', parameters: { returnAll: true } });
			return result
				.output('Boomi Spaces')
				.flatMap((item) => item.json.attachments)
				.filter((a) => a.integrationPackInstanceId === instanceId)
				.map((a) => a.environmentId);
		};
		const install = await env.runNode({
			operation: 'install',
			parameters: { integrationPackId: PACK_INVENTORY, integrationPackOverrideName: 'Inventory - EU Stores' },
		});
		const instanceId = install.output('Boomi Spaces')[0].json.id;
		expect(await attachmentsOf(instanceId)).toEqual([]);

		const attach = await env.runNode({
			operation: 'attach',
			parameters: {
				integrationPackInstanceId: locator(instanceId),
				environmentIds: { environment: [{ environmentId: locator(ENV_TEST) }] },
			},
		});
		expect(await attachmentsOf(instanceId)).toEqual([ENV_TEST]);

		await env.runNode({
			operation: 'unattach',
			parameters: { integrationPackInstanceId: locator(attach.output('Boomi Spaces')[0].json.id) },
		});
		expect(await attachmentsOf(instanceId)).toEqual([]);

		const uninstall = await env.runNode({ operation: 'uninstall', parameters: { integrationPackInstanceId: locator(instanceId) } });
		expect(uninstall.status).toBe('success');
		const list = await env.runNode({ operation: 'getMany', parameters: { returnAll: true } });
		expect(list.output('Boomi Spaces').map((item) => item.json.id)).not.toContain(instanceId);
	});
});
