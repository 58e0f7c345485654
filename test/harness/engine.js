'use strict';
/**
 * In-process n8n engine harness: runs workflow JSON through n8n-core's WorkflowExecute
 * with the package loaded by n8n-core's PackageDirectoryLoader (from package.json `n8n`),
 * and a credentials helper that mirrors n8n CLI's (packages/cli/src/credentials-helper.ts):
 * property defaults, generic `authenticate` expressions, expirable `preAuthentication`.
 * Plain CommonJS so jest tests and `node test/demo.js` can both use it.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

// n8n-core reads these when its config/logger are first built: set them before requiring it.
if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-harness-'));
}
for (const [key, value] of Object.entries({
	N8N_LOG_LEVEL: 'silent',
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
})) {
	if (process.env[key] === undefined) process.env[key] = value;
}

// Plain `require` (not a createRequire bound to n8n-core): under jest it goes through
// jest's module registry like the test's own imports, so n8n-core, n8n-workflow and
// @n8n/di are each loaded once and share one DI container. (Loading n8n-core natively
// beside jest's copy crashed V8 at start-up.) The package pins no nested copies.
const core = require('n8n-core');
const { ICredentialsHelper, NodeHelpers, Workflow, isExpression, createRunExecutionData } =
	require('n8n-workflow');
const { Container } = require('@n8n/di');
const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager');

const clone = (v) => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
const deferred = () => {
	const d = {};
	d.promise = new Promise((resolve, reject) => Object.assign(d, { resolve, reject }));
	return d;
};
const BASE = 'http://localhost:5678';

/** In-memory stand-in for n8n's credentials table (decrypted data). */
class CredentialStore {
	constructor(events) { this.rows = new Map(); this.events = events; }
	/** @param {string} id @param {{name?: string, type: string, data: object}} row */
	set(id, { name = id, type, data = {} }) { this.rows.set(String(id), { id: String(id), name, type, data: clone(data) }); }
	/** Current stored data (as preAuthentication left it), or undefined. */
	get(id) { return clone(this.rows.get(String(id))?.data); }
	/** n8n looks credentials up by id + type; we fall back to the name for hand-written workflows. */
	find(nodeCredentials = {}, type) {
		const row = this.rows.get(String(nodeCredentials.id)) ??
			[...this.rows.values()].find((r) => r.name === nodeCredentials.name && r.type === type);
		if (!row || row.type !== type) {
			throw new Error(`Credential with ID "${nodeCredentials.id}" does not exist for type "${type}".`);
		}
		return row;
	}
	update(nodeCredentials, type, data) {
		const row = this.find(nodeCredentials, type);
		row.data = clone(data);
		this.events.credentialUpdates.push({ id: row.id, type, data: clone(data) });
	}
}

class HarnessCredentialsHelper extends ICredentialsHelper {
	constructor(credentialTypes, store, events) {
		super();
		Object.assign(this, { credentialTypes, store, events });
	}
	type(name) {
		const t = this.credentialTypes[name];
		if (!t) throw new Error(`Unknown credential type "${name}"`);
		return t;
	}
	getParentTypes(name) {
		const ext = this.credentialTypes[name]?.extends ?? [];
		return ext.flatMap((p) => [p, ...this.getParentTypes(p)]);
	}
	getCredentialsProperties(name) {
		const t = this.type(name);
		if (!t.extends) return t.properties;
		const combined = [];
		for (const parent of t.extends) {
			if (this.credentialTypes[parent]) NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, t.properties);
		return combined;
	}
	isCredentialUsableByNode() { return true; }
	async getCredentials(nodeCredentials, type) {
		const row = this.store.find(nodeCredentials, type);
		return { id: row.id, name: row.name, type, getData: () => clone(row.data) };
	}
	/** Like n8n's getDecrypted + applyDefaultsAndOverwrites (no overwrites, no external secrets). */
	async getDecrypted(additionalData, nodeCredentials, type, mode, executeData, raw, resolve) {
		const original = clone(this.store.find(nodeCredentials, type).data);
		if (raw === true) return original;
		let data = NodeHelpers.getNodeParameters(this.getCredentialsProperties(type), original, true, false, null, null);
		if (original.oauthTokenData !== undefined) data.oauthTokenData = original.oauthTokenData;
		if (resolve) {
			const keys = core.getAdditionalKeys(additionalData, mode, null, { isCredential: true });
			data = resolve.workflow.expression.getParameterValue(data, resolve.runExecutionData, resolve.runIndex,
				resolve.itemIndex, resolve.node.name, resolve.connectionInputData, mode, keys, executeData, false, data);
		}
		return data;
	}
	async authenticate(credentials, typeName, requestOptions, workflow, node) {
		const { authenticate } = this.type(typeName);
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate?.type === 'generic') {
			const resolveValue = (value) => {
				if (!isExpression(value)) return value;
				const out = workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');
				return out ? out.toString() : '';
			};
			requestOptions.headers ??= {};
			for (const [outerKey, pairs] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(pairs)) {
					requestOptions[outerKey] ??= {};
					requestOptions[outerKey][resolveValue(key)] = resolveValue(value);
				}
			}
		}
		return requestOptions;
	}
	/** n8n's logic: mint when the expirable hidden field is '' or the server said 401. */
	async preAuthentication(helpers, credentials, typeName, node, credentialsExpired) {
		const credentialType = this.type(typeName);
		const expirable = credentialType.properties.find((p) => p.type === 'hidden' && p?.typeOptions?.expirable === true);
		if (expirable?.name === undefined || typeof credentialType.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		this.events.preAuthentication[typeName] = (this.events.preAuthentication[typeName] ?? 0) + 1;
		this.events.log.push({ event: 'preAuthentication', type: typeName, node: node.name, expired: credentialsExpired });
		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (output?.[expirable.name] === undefined || !node.credentials) return undefined;
		const nodeCredentials = node.credentials[credentialType.name];
		const stored = (await this.getCredentials(nodeCredentials, credentialType.name)).getData();
		const toPersist = { ...stored };
		for (const [key, value] of Object.entries(output)) {
			if (key === expirable.name || !isExpression(stored[key])) toPersist[key] = value;
		}
		await this.updateCredentials(nodeCredentials, credentialType.name, toPersist);
		return Object.assign(credentials, output);
	}
	async updateCredentials(nodeCredentials, type, data) { this.store.update(nodeCredentials, type, data); }
	async updateCredentialsOauthTokenData(nodeCredentials, type, data) {
		const row = this.store.find(nodeCredentials, type);
		this.store.update(nodeCredentials, type, { ...row.data, oauthTokenData: data.oauthTokenData });
	}
}

/** The fields n8n-core 2.11 reads for programmatic nodes; the rest are inert stand-ins. */
function createAdditionalData({ credentialsHelper, hooks, executionId }) {
	return {
		credentialsHelper, hooks, executionId, userId: 'harness-user',
		restApiUrl: `${BASE}/rest`, instanceBaseUrl: `${BASE}/`,
		webhookBaseUrl: `${BASE}/webhook`, webhookWaitingBaseUrl: `${BASE}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE}/webhook-test`, formWaitingBaseUrl: `${BASE}/form-waiting`,
		variables: {}, currentNodeParameters: undefined, executionTimeoutTimestamp: undefined,
		executeWorkflow: async () => { throw new Error('engine harness: sub-workflow execution is not supported'); },
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {}, setExecutionStatus: () => {}, sendDataToUI: () => {},
	};
}

/**
 * @param {{ packageDir?: string|string[]|null, extraNodeTypes?: Record<string, object>, extraCredentialTypes?: Record<string, object> }} [options]
 */
async function createEngine({ packageDir = path.resolve(__dirname, '../..'), extraNodeTypes = {}, extraCredentialTypes = {} } = {}) {
	// The SSH-clients manager (a DI singleton built by every execute context) owns a 60 s
	// setInterval; build it now and unref it so it never holds the process open.
	const sshClientsManager = Container.get(SSHClientsManager);
	sshClientsManager.cleanupTimer?.unref?.();

	const nodes = { ...extraNodeTypes };
	const credentialTypes = { ...extraCredentialTypes };
	for (const dir of [packageDir ?? []].flat()) {
		const loader = new core.PackageDirectoryLoader(dir);
		await loader.loadAll();
		for (const [name, { type }] of Object.entries(loader.nodeTypes)) nodes[`${loader.packageName}.${name}`] = type;
		for (const [name, { type }] of Object.entries(loader.credentialTypes)) credentialTypes[name] = type;
	}
	const toolVariants = new Map();
	const nodeTypes = {
		getByName(type) {
			if (nodes[type]) return nodes[type];
			// `<type>Tool` of a node with usableAsTool: derived on demand like n8n's CLI does.
			const base = type.endsWith('Tool') ? nodes[type.slice(0, -'Tool'.length)] : undefined;
			if (base?.description?.usableAsTool) {
				if (!toolVariants.has(type)) toolVariants.set(type, asAiTool(base));
				return toolVariants.get(type);
			}
			throw new Error(`Unknown node type "${type}" (known: ${Object.keys(nodes).join(', ')})`);
		},
		getByNameAndVersion(type, version) { return NodeHelpers.getVersionedNodeType(this.getByName(type), version); },
		getKnownTypes: () => Object.fromEntries(Object.keys(nodes).map((n) => [n, { className: n, sourcePath: '' }])),
	};
	const events = { preAuthentication: {}, credentialUpdates: [], log: [] };
	const credentials = new CredentialStore(events);
	const credentialsHelper = new HarnessCredentialsHelper(credentialTypes, credentials, events);
	let executionSeq = 0;

	/**
	 * @param {{ nodes: object[], connections?: object, startNode?: string, items?: {json: object}[],
	 *   mode?: string, settings?: object, name?: string }} wf extra keys of an export (pinData, meta, id) are ignored
	 */
	async function runWorkflow({ nodes: wfNodes, connections = {}, startNode, items = [{ json: {} }], mode = 'manual', settings, name = 'harness workflow' }) {
		const workflowData = { id: 'harness', name, nodes: clone(wfNodes), connections: clone(connections), active: false, settings: { executionOrder: 'v1', ...settings } };
		const workflow = new Workflow({ ...workflowData, nodeTypes });
		const start = workflow.getNode(startNode ?? wfNodes[0]?.name);
		if (!start) throw new Error(`engine harness: start node "${startNode ?? wfNodes[0]?.name}" not found`);
		const executionId = `harness-${++executionSeq}`;
		const hooks = new core.ExecutionLifecycleHooks(mode, executionId, workflowData);
		const executionOrder = [];
		hooks.addHandler('nodeExecuteAfter', (nodeName) => { executionOrder.push(nodeName); });
		// What a Respond to Webhook node sent (n8n's webhook server answers the HTTP request with it).
		const responses = [];
		hooks.addHandler('sendResponse', (response) => { responses.push(clone(response)); });
		const done = deferred();
		hooks.addHandler('workflowExecuteAfter', (fullRunData) => { done.resolve(fullRunData); });
		const runExecutionData = createRunExecutionData({
			executionData: { nodeExecutionStack: [{ node: start, data: { main: [clone(items)] }, source: null }] },
		});
		const additionalData = createAdditionalData({ credentialsHelper, hooks, executionId });
		const workflowExecute = new core.WorkflowExecute(additionalData, mode, runExecutionData);
		let returned;
		try {
			returned = await workflowExecute.processRunExecutionData(workflow);
		} catch (error) {
			// WorkflowHasIssuesError says nothing about which node: attach the issues, keep the class.
			if (error instanceof core.WorkflowHasIssuesError && error.issues === undefined) {
				error.issues = workflowExecute.checkReadyForExecution(workflow, { startNode: start.name });
			}
			throw error;
		}
		done.resolve(returned); // no-op when the hook already fired
		const run = await done.promise;
		const { runData, error } = run.data.resultData;
		return {
			status: run.status, error, runData, executionOrder, run, responses,
			/** Items of the node's first run on `outputIndex` (1 = error output with onError: 'continueErrorOutput'). */
			output(nodeName, outputIndex = 0) {
				const task = runData[nodeName]?.[0];
				if (!task) throw new Error(`engine harness: node "${nodeName}" did not run (ran: ${Object.keys(runData).join(', ')})`);
				return task.data?.main?.[outputIndex] ?? [];
			},
			nodeError: (nodeName) => runData[nodeName]?.[0]?.error,
		};
	}

	/**
	 * Calls a node's `methods.listSearch[methodName]` as the editor's resource
	 * locator does through n8n's REST API (DynamicNodeParametersService): a
	 * one-node Workflow, additionalData.currentNodeParameters = the node's
	 * parameters, and n8n-core's own LoadOptionsContext, so requests go
	 * through the same credential logic as executions.
	 */
	async function listSearch({ node, methodName, filter, paginationToken, path = 'parameters' }) {
		const wfNode = { id: 'harness-load-options', typeVersion: 1, position: [0, 0], ...clone(node) };
		const workflow = new Workflow({ id: 'harness-load-options', nodes: [wfNode], connections: {}, active: false, nodeTypes, settings: {} });
		const nodeType = nodeTypes.getByNameAndVersion(wfNode.type, wfNode.typeVersion);
		const method = nodeType.methods?.listSearch?.[methodName];
		if (typeof method !== 'function') throw new Error(`engine harness: ${wfNode.type} has no listSearch method "${methodName}"`);
		const additionalData = createAdditionalData({ credentialsHelper, hooks: undefined, executionId: undefined });
		additionalData.currentNodeParameters = wfNode.parameters;
		const context = new core.LoadOptionsContext(workflow, workflow.getNode(wfNode.name), additionalData, path);
		return await method.call(context, filter, paginationToken);
	}

	return {
		nodeTypes, credentialTypes, credentials, credentialsHelper, events, runWorkflow, listSearch,
		/** Stops the SSH manager's interval (already unref'd, so a script exits even without this). */
		close() { clearInterval(sshClientsManager.cleanupTimer); },
	};
}

/**
 * The AI-tool variant n8n derives from a node with `usableAsTool` (n8n's CLI:
 * NodeTypes.getByNameAndVersion + convertNodeToAiTool in
 * packages/cli/src/tool-generation): same object (execute, methods) via
 * Object.create, description copied with name + 'Tool', no inputs, an ai_tool
 * output, and the Tool Description parameters. n8n-core's
 * getInputConnectionData then wraps it with createNodeAsTool.
 */
function asAiTool(base) {
	const description = clone(base.description);
	description.name += 'Tool';
	description.displayName += ' Tool';
	description.inputs = [];
	description.outputs = ['ai_tool'];
	delete description.usableAsTool;
	const hasResourceOrOperation = description.properties.some((p) => p.name === 'resource' || p.name === 'operation');
	if (!description.properties.some((p) => p.name === 'toolDescription')) {
		const toolDescription = {
			displayName: 'Description', name: 'toolDescription', type: 'string', default: description.description, required: true,
			typeOptions: { rows: 2 },
			description: 'Explain to the LLM what this tool does, a good, specific description would allow LLMs to produce expected results much more often',
		};
		if (hasResourceOrOperation) {
			toolDescription.displayOptions = { show: { descriptionType: ['manual'] } };
			description.properties.unshift({
				displayName: 'Tool Description', name: 'descriptionType', type: 'options', noDataExpression: true, default: 'auto',
				options: [
					{ name: 'Set Automatically', value: 'auto', description: 'Automatically set based on resource and operation' },
					{ name: 'Set Manually', value: 'manual', description: 'Manually set the description' },
				],
			}, toolDescription);
		} else {
			description.properties.unshift(toolDescription);
		}
	}
	return Object.create(base, { description: { value: description } });
}

/** Reads an n8n workflow export ({ nodes, connections, settings?, pinData?, meta?, ... }). */
function loadWorkflowFile(file) {
	const wf = JSON.parse(fs.readFileSync(file, 'utf8'));
	if (!Array.isArray(wf.nodes)) throw new Error(`${file}: not an n8n workflow (no nodes array)`);
	return { ...wf, connections: wf.connections ?? {} };
}

module.exports = { createEngine, createAdditionalData, loadWorkflowFile, asAiTool, HarnessCredentialsHelper, CredentialStore };
