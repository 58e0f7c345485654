// The workflows in examples/, imported as a user would import them, run
// through the n8n engine against the simulator, with n8n's own nodes
// (n8n-nodes-base 2.11.2 from test/n8n-peer) for triggers, Split Out, Filter,
// Aggregate, Remove Duplicates, Sort, Summarize and Respond to Webhook. Each
// run starts at the trigger node with the items that trigger would emit.
const fs = require('fs');
const path = require('path');

const { loadWorkflowFile } = require('../harness/engine');
const { peerNodeTypes } = require('../n8n-peer');
const { LANGCHAIN_PACKAGE, langchainCatalog } = require('../n8n-peer/langchain-catalog');
const { encodeAttachmentId, seedIds } = require('../simulator');
const { NODE_TYPE } = require('./boomi-workflow');
const { AGENT_TYPE, scriptedAgent } = require('./scripted-agent');
const { useSimulatorEngine } = require('./simulator-engine');
const { TRIGGER_TYPE, activeTrigger } = require('./trigger-engine');
const { findOperation } = require('../../dist/nodes/BoomiSpaces/actions/registry');

const BASE_NODES = [
	'ManualTrigger/ManualTrigger.node.js',
	'Set/Set.node.js',
	'Schedule/ScheduleTrigger.node.js',
	'Transform/SplitOut/SplitOut.node.js',
	'Webhook/Webhook.node.js',
	'Filter/Filter.node.js',
	'Transform/Aggregate/Aggregate.node.js',
	'RespondToWebhook/RespondToWebhook.node.js',
	'Transform/RemoveDuplicates/RemoveDuplicates.node.js',
	'Transform/Sort/Sort.node.js',
	'Transform/Summarize/Summarize.node.js',
];
const env = useSimulatorEngine({ extraNodeTypes: { ...peerNodeTypes(BASE_NODES), [AGENT_TYPE]: scriptedAgent } });
const example = (file) => loadWorkflowFile(path.join(__dirname, '../../examples', file));
const { ATOM_PROD, ENV_PROD, ENV_TEST, ENV_DEV, INSTANCE_HR, INSTANCE_INVENTORY_US, INSTANCE_ORDER_SYNC_APAC, INSTANCE_ORDER_SYNC_EMEA, PACK_ORDER_SYNC } = seedIds;
const attachmentPairs = () => env.sim.state.attachments.map((a) => [a.integrationPackInstanceId, a.environmentId]);

it('every example is an importable n8n workflow whose connections name its own nodes', () => {
	const files = fs.readdirSync(path.join(__dirname, '../../examples')).filter((file) => file.endsWith('.json'));
	expect(files.sort()).toEqual([
		'ai-agent-boomi-tools.json',
		'daily-failed-executions-report.json',
		'detach-test-environments-nightly-safe.json',
		'detach-test-environments-nightly.json',
		'failed-execution-alert.json',
		'install-and-attach-webhook.json',
		'onboard-customer-webhook.json',
		'unattach-list-manual.json',
		'unattach-webhook.json',
		'unattach-with-error-output.json',
	]);
	for (const file of files) {
		const wf = example(file);
		const names = new Set(wf.nodes.map((node) => node.name));
		expect([file, names.size]).toEqual([file, wf.nodes.length]);
		for (const node of wf.nodes) {
			expect(node).toEqual(expect.objectContaining({ id: expect.any(String), type: expect.any(String), typeVersion: expect.any(Number), position: expect.any(Array), parameters: expect.any(Object) }));
			if (node.type === TRIGGER_TYPE) {
				expect(node.credentials).toEqual({ boomiSpacesApi: { id: expect.any(String), name: 'Boomi Spaces account' } });
			} else if (node.type.startsWith(NODE_TYPE)) {
				// The credential is referenced by name; n8n asks for one on import when the id is unknown.
				expect(node.credentials).toEqual({ boomiSpacesApi: { id: expect.any(String), name: 'Boomi Spaces account' } });
				expect(findOperation(node.parameters.resource, node.parameters.operation)).toBeDefined();
			}
		}
		for (const [from, outputs] of Object.entries(wf.connections)) {
			expect(names.has(from)).toBe(true);
			for (const connections of Object.values(outputs).flat(2)) expect(names.has(connections.node)).toBe(true);
		}
	}
});

describe('examples/detach-test-environments-nightly.json', () => {
	const wf = example('detach-test-environments-nightly.json');
	const scheduleItem = { json: { timestamp: '2026-01-01T02:00:00.000+00:00', 'Readable date': 'January 1st 2026, 2:00:00 am', Hour: '02' } };
	const run = () => env.engine.runWorkflow({ ...wf, startNode: 'Every night at 02:00', mode: 'trigger', items: [scheduleItem] });

	it('detaches every instance from the TEST environments and leaves PROD alone', async () => {
		const testEnvironments = new Set([ENV_TEST, ENV_DEV]);
		const inTest = () => attachmentPairs().filter(([, environmentId]) => testEnvironments.has(environmentId));
		const inProd = () => attachmentPairs().filter(([, environmentId]) => environmentId === ENV_PROD);
		const prodBefore = inProd();
		expect(inTest()).toEqual([[INSTANCE_HR, ENV_TEST], [INSTANCE_INVENTORY_US, ENV_DEV]]);
		expect(prodBefore).toEqual([[INSTANCE_ORDER_SYNC_EMEA, ENV_PROD], [INSTANCE_HR, ENV_PROD]]);
		const result = await run();

		expect(result.status).toBe('success');
		expect(result.executionOrder).toEqual([
			'Every night at 02:00',
			'Get TEST environments',
			'One item per attachment',
			'Detach from TEST environment',
		]);
		expect(result.output('Detach from TEST environment').map((item) => item.json.result)).toEqual([
			encodeAttachmentId(INSTANCE_HR, ENV_TEST),
			encodeAttachmentId(INSTANCE_INVENTORY_US, ENV_DEV),
		]);
		expect(inTest()).toEqual([]);
		expect(inProd()).toEqual(prodBefore);
	});

	it('does nothing on a night when no TEST environment has an attachment', async () => {
		await run();
		env.sim.mutations.length = 0;
		const result = await run();

		expect(result.status).toBe('success');
		expect(result.executionOrder).not.toContain('Detach from TEST environment');
		expect(env.sim.mutations).toEqual([]);
	});
});

describe('examples/detach-test-environments-nightly-safe.json', () => {
	const wf = example('detach-test-environments-nightly-safe.json');
	const scheduleItem = { json: { timestamp: '2026-01-01T02:00:00.000+00:00', 'Readable date': 'January 1st 2026, 2:00:00 am', Hour: '02' } };
	const DETACH = 'Detach from TEST environment';

	it('is the nightly example with Succeed If Already Done on the Unattach node, nothing else changed', () => {
		const nightly = example('detach-test-environments-nightly.json');
		const strip = (workflow) => structuredClone(workflow.nodes).map(({ id, ...node }) => node);
		const safe = strip(wf);
		expect(safe.find((node) => node.name === DETACH).parameters.options).toEqual({ succeedIfAlreadyDone: true });
		delete safe.find((node) => node.name === DETACH).parameters.options;
		expect(safe).toEqual(strip(nightly));
		expect(wf.connections).toEqual(nightly.connections);
	});

	it('after a night whose detach lost its answer, retrying the node on its original items succeeds, each detach applied once', async () => {
		// The first detach is applied, then the connection drops: an unknown outcome for that item.
		env.sim.injectFault({ operationName: 'UnattachIntegrationPackInstance', destroySocket: true, afterApply: true });
		const night = await env.engine.runWorkflow({ ...wf, startNode: 'Every night at 02:00', mode: 'trigger', items: [scheduleItem] });
		expect(night.status).toBe('success');
		const [lost, detached] = night.output(DETACH);
		expect(lost.json).toEqual({ error: expect.stringMatching(/closed unexpectedly|did not answer/) });
		expect(detached.json).toEqual(expect.objectContaining({ detached: true, environmentId: ENV_DEV }));

		// n8n's "Retry with original data": the Unattach node again, on the items it got that night.
		const attachments = night.output('One item per attachment').map(({ json }) => ({ json }));
		const retry = await env.engine.runWorkflow({ ...wf, startNode: DETACH, items: attachments });

		expect(retry.status).toBe('success');
		expect(retry.output(DETACH).map((item) => [item.json.id, item.json.detached, item.json.alreadyDone])).toEqual([
			[encodeAttachmentId(INSTANCE_HR, ENV_TEST), true, true],
			[encodeAttachmentId(INSTANCE_INVENTORY_US, ENV_DEV), true, true],
		]);
		expect(env.sim.mutations.map((mutation) => mutation.args.id)).toEqual([encodeAttachmentId(INSTANCE_HR, ENV_TEST), encodeAttachmentId(INSTANCE_INVENTORY_US, ENV_DEV)]);
		expect(attachmentPairs().filter(([, environmentId]) => environmentId !== ENV_PROD)).toEqual([]);
	});
});

describe('examples/install-and-attach-webhook.json', () => {
	const wf = example('install-and-attach-webhook.json');
	const request = (body) => ({
		json: {
			headers: { 'content-type': 'application/json' },
			params: {},
			query: {},
			body,
			webhookUrl: 'http://localhost:5678/webhook/boomi/install-pack',
			executionMode: 'production',
		},
	});
	const run = (body) => env.engine.runWorkflow({ ...wf, startNode: 'Install request', mode: 'webhook', items: [request(body)] });

	it('installs the pack under the customer’s name, attaches it to the named environments and answers with the ids', async () => {
		const result = await run({ customer: 'Acme Retail', integrationPackId: PACK_ORDER_SYNC, environments: ['Production', 'Test'] });

		expect(result.status).toBe('success');
		const instance = env.sim.state.instances.find((i) => i.integrationPackOverrideName === 'Acme Retail');
		expect(instance).toEqual(expect.objectContaining({ integrationPackId: PACK_ORDER_SYNC }));
		expect(attachmentPairs().filter(([instanceId]) => instanceId === instance.id)).toEqual([
			[instance.id, ENV_PROD],
			[instance.id, ENV_TEST],
		]);
		expect(result.responses).toHaveLength(1);
		expect(result.responses[0]).toEqual(
			expect.objectContaining({
				statusCode: 201,
				body: {
					instanceId: instance.id,
					customer: 'Acme Retail',
					attachments: [
						{ attachmentId: encodeAttachmentId(instance.id, ENV_PROD), environmentId: ENV_PROD },
						{ attachmentId: encodeAttachmentId(instance.id, ENV_TEST), environmentId: ENV_TEST },
					],
				},
			}),
		);
	});

	it('stops at the install with Boomi’s error when a multi-install pack gets no customer name', async () => {
		const before = env.sim.state.instances.length;
		const result = await run({ integrationPackId: PACK_ORDER_SYNC, environments: ['Test'] });

		expect(result.status).toBe('error');
		expect(result.nodeError('Install pack for customer').message).toMatch(/integrationPackOverrideName is required/);
		expect(env.sim.state.instances).toHaveLength(before);
		expect(result.responses).toEqual([]);
	});
});

describe('examples/onboard-customer-webhook.json', () => {
	const wf = example('onboard-customer-webhook.json');
	const run = (body) =>
		env.engine.runWorkflow({
			...wf,
			startNode: 'Onboarding request',
			mode: 'webhook',
			items: [{ json: { headers: { 'content-type': 'application/json' }, params: {}, query: {}, body, webhookUrl: 'http://localhost:5678/webhook/boomi/onboard-customer', executionMode: 'production' } }],
		});
	const onboarding = {
		customer: 'Acme Retail',
		integrationPackId: PACK_ORDER_SYNC,
		environmentIds: [ENV_PROD, ENV_TEST],
		connections: { Salesforce: { user: 'integration@acme.example', password: 'acme-s3cret' }, NetSuite: { account: 'ACME123' } },
	};
	const instanceNamed = (name) => env.sim.state.instances.find((i) => i.integrationPackOverrideName === name);
	const processIdsOf = (instanceId) => env.sim.state.processes.filter((p) => p.integrationPackInstanceId === instanceId).map((p) => p.id);
	const fieldOf = (attachment, connection, field) => attachment.extensions.connections.find((c) => c.name === connection).fields.find((f) => f.id === field);

	it('installs, attaches, fills in the connection settings, schedules every process daily at 02:00, runs each once and answers with the request ids', async () => {
		const result = await run(onboarding);

		expect(result.status).toBe('success');
		expect(result.executionOrder).toEqual([
			'Onboarding request',
			'Install pack for customer',
			'Attach to environments',
			'Get connection settings',
			'Customer settings',
			'Update connection settings',
			'Get processes',
			'Schedule daily at 02:00',
			'In the first environment',
			'Run once now',
			'Reply with the onboarding',
		]);
		// Installed under the customer's name, attached to both environments.
		const instance = instanceNamed('Acme Retail');
		expect(instance).toEqual(expect.objectContaining({ integrationPackId: PACK_ORDER_SYNC }));
		const attachments = env.sim.state.attachments.filter((a) => a.integrationPackInstanceId === instance.id);
		expect(attachments.map((a) => a.environmentId)).toEqual([ENV_PROD, ENV_TEST]);
		// The connection settings of the request, in both environments; the rest left at Boomi's defaults (partial update).
		for (const attachment of attachments) {
			expect(fieldOf(attachment, 'Salesforce', 'user')).toMatchObject({ value: 'integration@acme.example', useDefault: false });
			expect(fieldOf(attachment, 'Salesforce', 'password')).toMatchObject({ value: 'acme-s3cret', useDefault: false });
			expect(fieldOf(attachment, 'NetSuite', 'account')).toMatchObject({ value: 'ACME123', useDefault: false });
			expect(fieldOf(attachment, 'Salesforce', 'url')).toMatchObject({ useDefault: true });
		}
		// Every process on every atom it is deployed to (2 processes × 2 environments), daily at 02:00, no retries.
		const processIds = processIdsOf(instance.id);
		expect(processIds).toHaveLength(2);
		const schedules = env.sim.state.processSchedules.filter((x) => processIds.includes(x.processId));
		expect(schedules).toHaveLength(4);
		for (const x of schedules) {
			expect(x.schedule).toEqual([{ minutes: '0', hours: '2', daysOfWeek: '*', daysOfMonth: '*', months: '*', years: '*' }]);
			expect(x.retry).toEqual({ schedule: [], maxRetry: 5 });
		}
		// One run of each process, in the first environment of the request (Production).
		const runs = env.sim.state.executions.filter((r) => processIds.includes(r.processId));
		expect(runs.map((r) => [r.processId, r.atomId])).toEqual(processIds.map((id) => [id, ATOM_PROD]));

		expect(result.responses).toHaveLength(1);
		const [response] = result.responses;
		expect(response.statusCode).toBe(201);
		expect(response.body).toEqual({
			customer: 'Acme Retail',
			instanceId: instance.id,
			attachments: [
				{ attachmentId: encodeAttachmentId(instance.id, ENV_PROD), environmentId: ENV_PROD },
				{ attachmentId: encodeAttachmentId(instance.id, ENV_TEST), environmentId: ENV_TEST },
			],
			connectionSettingsUpdated: [ENV_PROD, ENV_TEST],
			schedules: expect.arrayContaining(processIds.map((processId) => expect.objectContaining({ processId, atomId: ATOM_PROD, schedule: [expect.objectContaining({ minutes: '0', hours: '2' })] }))),
			executions: runs.map((r) => ({ processId: r.processId, atomId: ATOM_PROD, requestId: r.requestId, recordUrl: expect.stringContaining(r.requestId) })),
		});
		expect(response.body.schedules).toHaveLength(4);
		// The connection secrets are sent to Boomi, never echoed to the caller.
		expect(JSON.stringify(response.body)).not.toContain('acme-s3cret');
	});

	it('stops at the install with Boomi’s error when a multi-install pack gets no customer name: nothing installed, no answer', async () => {
		const before = env.sim.state.instances.length;
		const { customer, ...withoutCustomer } = onboarding;
		const result = await run(withoutCustomer);

		expect(result.status).toBe('error');
		expect(result.nodeError('Install pack for customer').message).toMatch(/integrationPackOverrideName is required/);
		expect(env.sim.state.instances).toHaveLength(before);
		expect(env.sim.mutations.map((m) => m.field)).toEqual([]);
		expect(result.responses).toEqual([]);
	});

	it('a connection the pack does not have stops the run at the connection settings with Boomi’s message, before any schedule or run', async () => {
		const result = await run({ ...onboarding, customer: 'Globex', connections: { Salesforse: { user: 'x' } } });

		expect(result.status).toBe('error');
		expect(result.nodeError('Update connection settings').message).toMatch(/Salesforse/);
		expect(env.sim.mutations.map((m) => m.field)).toEqual(['integrationPackInstanceInstall', 'integrationPackInstanceEnvironmentAttachmentAttach']);
		expect(result.responses).toEqual([]);
	});
});

describe('examples/daily-failed-executions-report.json', () => {
	const wf = example('daily-failed-executions-report.json');
	const scheduleItem = { json: { timestamp: '2026-01-01T07:00:00.000+00:00', 'Readable date': 'January 1st 2026, 7:00:00 am', Hour: '07' } };
	const run = () => env.engine.runWorkflow({ ...wf, startNode: 'Every day at 07:00', mode: 'trigger', items: [scheduleItem] });
	const processOf = (instanceId, index = 0) => env.sim.state.processes.filter((p) => p.integrationPackInstanceId === instanceId)[index];
	const hoursAgo = (hours) => new Date(Date.now() - hours * 3600e3);
	const failure = (instanceId, index, hours, message) =>
		env.sim.recordExecution({ processId: processOf(instanceId, index).id, status: 'ERROR', message, executionTime: hoursAgo(hours) });

	it('one summary item per instance with failed runs in the last day: name, count and the latest errors, newest first', async () => {
		const orders = failure(INSTANCE_ORDER_SYNC_EMEA, 0, 2, 'Salesforce login failed');
		const backSync = failure(INSTANCE_ORDER_SYNC_EMEA, 1, 1, 'NetSuite token expired');
		failure(INSTANCE_ORDER_SYNC_EMEA, 0, 30, 'too old for the report');
		env.sim.recordExecution({ processId: processOf(INSTANCE_ORDER_SYNC_EMEA, 0).id, status: 'COMPLETE', executionTime: hoursAgo(0.5) });
		// HR's one process is deployed to two atoms (Production and Test): still one failure, counted once.
		const hr = failure(INSTANCE_HR, 0, 5, 'Workday tenant unreachable');
		const result = await run();

		expect(result.status).toBe('success');
		const line = (record, message) => `${processOf(record === hr ? INSTANCE_HR : INSTANCE_ORDER_SYNC_EMEA, record === backSync ? 1 : 0).name} at ${record.executionTime}: ${message}`;
		expect(result.output('Report').map((item) => item.json)).toEqual([
			{
				instance: 'Order Sync - EMEA',
				instanceId: INSTANCE_ORDER_SYNC_EMEA,
				failedRuns: 2,
				lastFailureAt: backSync.executionTime,
				latestErrors: [line(backSync, 'NetSuite token expired'), line(orders, 'Salesforce login failed')],
			},
			{
				instance: 'Workday Employee Onboarding',
				instanceId: INSTANCE_HR,
				failedRuns: 1,
				lastFailureAt: hr.executionTime,
				latestErrors: [line(hr, 'Workday tenant unreachable')],
			},
		]);
		// One Execution › Get Many per process (6: HR's process once, not once per atom), status ERROR, since a day ago.
		const reads = env.graphqlRequests().filter((r) => r.json.operationName === 'ListProcessExecutions');
		expect(reads.map((r) => r.json.variables.processId).sort()).toEqual(env.sim.state.processes.map((p) => p.id).sort());
		for (const { json } of reads) {
			expect(json.variables.status).toBe('ERROR');
			expect(Math.abs(Date.parse(json.variables.executionTime) - hoursAgo(24).getTime())).toBeLessThan(60e3);
		}
	});

	it('a day without failed runs gives no report item', async () => {
		env.sim.recordExecution({ processId: processOf(INSTANCE_INVENTORY_US).id, status: 'COMPLETE', executionTime: hoursAgo(3) });
		const result = await run();

		expect(result.status).toBe('success');
		expect(result.executionOrder).toEqual(['Every day at 07:00', 'Get instances', 'Get processes', 'One item per process', 'Failed runs in the last day']);
		expect(result.output('Failed runs in the last day')).toEqual([]);
	});
});

describe('examples/unattach-list-manual.json', () => {
	// Its ids are the simulator's: the sample attachment and the HR pack in Production and Test.
	it('detaches each listed attachment once, one output item per id, in order, with its pairedItem', async () => {
		const result = await env.engine.runWorkflow({ ...example('unattach-list-manual.json'), startNode: 'Run by hand' });

		expect(result.status).toBe('success');
		const items = result.output('Unattach');
		expect(items.map((item) => [item.json.integrationPackInstanceId, item.json.environmentId, item.pairedItem])).toEqual([
			[INSTANCE_ORDER_SYNC_EMEA, ENV_PROD, { item: 0 }],
			[INSTANCE_HR, ENV_PROD, { item: 1 }],
			[INSTANCE_HR, ENV_TEST, { item: 2 }],
		]);
		expect(env.sim.mutations.map((m) => m.args.id)).toEqual(items.map((item) => item.json.id));
		expect(attachmentPairs()).toEqual([[INSTANCE_INVENTORY_US, ENV_DEV]]);
	});
});

describe('examples/unattach-with-error-output.json', () => {
	it('sends the id that is not attached to the error branch with Boomi’s message; the others are detached', async () => {
		const result = await env.engine.runWorkflow({ ...example('unattach-with-error-output.json'), startNode: 'Run by hand' });

		expect(result.status).toBe('success');
		expect(result.output('Detached').map((item) => [item.json.integrationPackInstanceId, item.json.environmentId, item.json.status])).toEqual([
			[INSTANCE_HR, ENV_PROD, 'detached'],
			[INSTANCE_INVENTORY_US, ENV_DEV, 'detached'],
		]);
		const failed = result.output('Not detached');
		expect(failed).toHaveLength(1);
		expect(failed[0].json).toEqual({
			attachmentId: encodeAttachmentId(INSTANCE_ORDER_SYNC_APAC, ENV_PROD),
			status: 'failed',
			reason: expect.stringMatching(/\S/),
		});
		expect(env.sim.mutations.map((m) => m.field)).toHaveLength(2);
	});
});

describe('examples/unattach-webhook.json', () => {
	const wf = example('unattach-webhook.json');
	const run = (body) =>
		env.engine.runWorkflow({
			...wf,
			startNode: 'Unattach request',
			mode: 'webhook',
			items: [{ json: { headers: { 'content-type': 'application/json' }, params: {}, query: {}, body, webhookUrl: 'http://localhost:5678/webhook/boomi/unattach', executionMode: 'production' } }],
		});

	it('answers 200 with Boomi’s result for an attached id', async () => {
		const id = encodeAttachmentId(INSTANCE_HR, ENV_TEST);
		const result = await run({ id });

		expect(result.status).toBe('success');
		expect(result.responses).toEqual([
			expect.objectContaining({ statusCode: 200, body: { detached: true, id, result: id, integrationPackInstanceId: INSTANCE_HR, environmentId: ENV_TEST } }),
		]);
	});

	it.each([
		['an id that is not attached', { id: encodeAttachmentId(INSTANCE_ORDER_SYNC_APAC, ENV_PROD) }],
		['no id', {}],
	])('answers 422 with the error for %s, and detaches nothing', async (_, body) => {
		const result = await run(body);

		expect(result.status).toBe('success');
		expect(result.responses).toEqual([expect.objectContaining({ statusCode: 422, body: { detached: false, id: body.id ?? null, error: expect.stringMatching(/\S/) } })]);
		expect(env.sim.mutations).toEqual([]);
		expect(env.sim.state.attachments).toHaveLength(4);
	});
});

describe('examples/ai-agent-boomi-tools.json', () => {
	// What is exercised: the file's structure against n8n's published node
	// catalogs, and each Boomi Spaces tool node exactly as in the file, run
	// through n8n-core's tool wrapper (createNodeAsTool: $fromAI schema, tool
	// description, SupplyDataContext execution) with arguments a model could send.
	// What is not: the chat trigger, the OpenAI model and n8n's AI Agent node
	// itself (its reasoning needs a language model); a scripted stand-in takes the
	// agent's place (see scripted-agent.js).
	const wf = example('ai-agent-boomi-tools.json');
	const catalog = langchainCatalog();
	const byName = (name) => wf.nodes.find((node) => node.name === name);
	const toolNodes = wf.nodes.filter((node) => node.type === `${NODE_TYPE}Tool`);

	it(`names real node types and versions (${LANGCHAIN_PACKAGE} catalog and this package)`, () => {
		for (const node of wf.nodes) {
			if (node.type.startsWith('@n8n/n8n-nodes-langchain.')) {
				const name = node.type.split('.')[1];
				const versions = catalog.filter((entry) => entry.name === name).flatMap((entry) => [entry.version].flat());
				expect([node.type, versions]).toEqual([node.type, expect.arrayContaining([node.typeVersion])]);
			} else {
				const type = env.engine.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
				expect(type.description.outputs).toEqual(['ai_tool']);
			}
		}
		const agent = catalog.find((entry) => entry.name === 'agent' && [entry.version].flat().includes(byName('AI Agent').typeVersion));
		const options = agent.properties.find((p) => p.name === 'options' && p.displayOptions?.hide?.['@version']);
		expect(options.options.map((option) => option.name)).toEqual(expect.arrayContaining(Object.keys(byName('AI Agent').parameters.options)));
		const model = catalog.find((entry) => entry.name === 'lmChatOpenAi');
		expect(model.outputs).toEqual(['ai_languageModel']);
		expect(model.credentials.map((c) => c.name)).toEqual(Object.keys(byName('OpenAI Chat Model').credentials));
	});

	it('connects the trigger, the model and every Boomi Spaces tool to the agent', () => {
		expect(wf.connections['When chat message received'].main[0][0].node).toBe('AI Agent');
		expect(wf.connections['OpenAI Chat Model'].ai_languageModel[0][0]).toEqual({ node: 'AI Agent', type: 'ai_languageModel', index: 0 });
		for (const tool of toolNodes) {
			expect(wf.connections[tool.name].ai_tool[0][0]).toEqual({ node: 'AI Agent', type: 'ai_tool', index: 0 });
			expect(tool.parameters.descriptionType).toBe('manual');
			expect(tool.parameters.toolDescription.length).toBeGreaterThan(60);
		}
		expect(toolNodes.map((tool) => `${tool.parameters.resource}.${tool.parameters.operation}`).sort()).toEqual([
			'environment.getMany',
			'integrationPackInstance.attach',
			'integrationPackInstance.getMany',
			'integrationPackInstance.install',
			'integrationPackInstance.unattach',
		]);
	});

	it('runs its Boomi Spaces tools as the agent would call them', async () => {
		const agent = { ...byName('AI Agent'), type: AGENT_TYPE, typeVersion: 1, parameters: {} };
		const connections = Object.fromEntries(toolNodes.map((tool) => [tool.name, wf.connections[tool.name]]));
		const call = (tool, args) => ({ json: { tool, args } });
		const result = await env.engine.runWorkflow({
			nodes: [agent, ...toolNodes],
			connections,
			startNode: 'AI Agent',
			items: [
				{ json: { listTools: true } },
				call('List_environments', {}),
				call('Install_integration_pack', { integrationPackId: PACK_ORDER_SYNC, instanceName: 'Order Sync - Globex' }),
				call('Attach_instance_to_environments', { instanceId: INSTANCE_ORDER_SYNC_APAC, environmentIds: `${ENV_TEST}, ${ENV_DEV}` }),
				call('Detach_instance_from_environment', { attachmentId: encodeAttachmentId(INSTANCE_HR, ENV_TEST) }),
				call('List_integration_pack_instances', {}),
			],
		});

		expect(result.status).toBe('success');
		const [catalogItem, environments, installed, attached, detached, instances] = result.output('AI Agent').map((item) => item.json);
		expect(catalogItem.tools.map((tool) => [tool.name, tool.description]).sort()).toEqual(
			toolNodes.map((tool) => [tool.name.replace(/[^a-zA-Z0-9_-]+/g, '_'), tool.parameters.toolDescription]).sort(),
		);
		expect(catalogItem.tools.find((tool) => tool.name === 'Attach_instance_to_environments').arguments).toEqual({
			instanceId: expect.stringContaining('instance ID'),
			environmentIds: expect.stringContaining('Comma-separated'),
		});
		expect(environments.response.map((e) => e.name)).toEqual(['Production', 'Test', 'Development']);
		expect(installed.response[0]).toEqual(expect.objectContaining({ integrationPackOverrideName: 'Order Sync - Globex' }));
		expect(attached.response.map((a) => a.environmentId)).toEqual([ENV_TEST, ENV_DEV]);
		expect(detached.response[0]).toEqual(expect.objectContaining({ environmentId: ENV_TEST }));
		expect(instances.response.map((i) => i.id)).toContain(installed.response[0].id);
		expect(attachmentPairs().filter(([instanceId]) => instanceId === INSTANCE_ORDER_SYNC_APAC)).toEqual([
			[INSTANCE_ORDER_SYNC_APAC, ENV_TEST],
			[INSTANCE_ORDER_SYNC_APAC, ENV_DEV],
		]);
		expect(attachmentPairs()).not.toContainEqual([INSTANCE_HR, ENV_TEST]);
	});
});

describe('examples/failed-execution-alert.json', () => {
	const wf = example('failed-execution-alert.json');
	const triggerName = 'Boomi execution failed';
	const { parameters } = wf.nodes.find((node) => node.name === triggerName);

	it('active: a failed execution after activation becomes one alert naming process, instance, environment and error', async () => {
		const trigger = activeTrigger(env.engine, parameters);
		expect(await trigger.poll()).toBeNull(); // activation: the starting point
		const record = env.sim.recordExecution({ processId: env.sim.demo.processId, status: 'ERROR', message: 'Salesforce login failed' });
		env.sim.recordExecution({ processId: env.sim.demo.processId, status: 'COMPLETE' });
		const [items] = await trigger.poll();
		expect(items).toHaveLength(1);
		const result = await env.engine.runWorkflow({ ...wf, startNode: triggerName, mode: 'trigger', items });

		expect(result.status).toBe('success');
		expect(result.executionOrder).toEqual([triggerName, 'Alert message']);
		const [alert] = result.output('Alert message').map((item) => item.json);
		expect(alert).toEqual(
			expect.objectContaining({
				subject: `Boomi process failed: ${record.processName}`,
				processId: env.sim.demo.processId,
				integrationPackInstanceId: env.sim.demo.instanceId,
				environmentName: expect.any(String),
				executionId: record.executionId,
				error: 'Salesforce login failed',
			}),
		);
		expect(alert.text).toContain('Salesforce login failed');
		expect(alert.text).toContain(alert.environmentName);
		expect(await trigger.poll()).toBeNull();
	});

	it('Fetch Test Event (a manual run from the trigger): the latest failure as a sample', async () => {
		env.sim.recordExecution({ processId: env.sim.demo.processId, status: 'ERROR', message: 'Sample failure', executionTime: new Date(Date.now() - 60e3) });
		const result = await env.engine.runWorkflow({ ...wf, startNode: triggerName, mode: 'manual' });

		expect(result.status).toBe('success');
		expect(result.output('Alert message').map((item) => item.json.error)).toEqual(['Sample failure']);
	});
});
