// Runs the Boomi Spaces Trigger's poll() through n8n-core's real PollContext,
// as n8n's ActiveWorkflows does for a polling node: a Workflow holding the
// node and the workflow's static data, credentials from the harness store.
// Each poll rebuilds the Workflow from the saved static data (n8n saves it to
// the database after a poll that changed it), unless a shared Workflow is
// passed (two polls of one active workflow in one process).
const core = require('n8n-core');
const { Workflow } = require('n8n-workflow');
const { createAdditionalData } = require('../harness/engine');
const { CREDENTIALS } = require('./boomi-workflow');

const TRIGGER_TYPE = 'n8n-nodes-boomi-spaces.boomiSpacesTrigger';
const clone = (v) => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

function triggerNode(parameters = {}, name = 'Boomi Spaces Trigger') {
	return { id: 'boomi-spaces-trigger', name, type: TRIGGER_TYPE, typeVersion: 1, position: [0, 0], parameters, credentials: CREDENTIALS };
}

/** A trigger node of an "active workflow": `poll(mode)` runs one poll; `staticData` is what n8n saved. */
function activeTrigger(engine, parameters) {
	const node = triggerNode(parameters);
	const saved = { staticData: {} };
	const workflowOf = () =>
		new Workflow({ id: 'trigger-wf', name: 'trigger workflow', nodes: [clone(node)], connections: {}, active: true, nodeTypes: engine.nodeTypes, staticData: clone(saved.staticData), settings: {} });
	const nodeType = engine.nodeTypes.getByNameAndVersion(TRIGGER_TYPE, 1);
	/** One poll; returns what poll() returned (null or [[items]]). Static data is saved only when the poll succeeded. */
	async function poll({ mode = 'trigger', workflow = workflowOf() } = {}) {
		const additionalData = createAdditionalData({ credentialsHelper: engine.credentialsHelper, hooks: undefined, executionId: undefined });
		const context = new core.PollContext(workflow, workflow.getNode(node.name), additionalData, mode, mode === 'manual' ? 'manual' : 'activate');
		const result = await nodeType.poll.call(context);
		if (workflow.staticData.__dataChanged === true) {
			saved.staticData = clone(workflow.staticData);
			delete saved.staticData.__dataChanged;
		}
		return result;
	}
	/** The JSON of the items one poll emitted ([] for null). */
	const events = async (options) => ((await poll(options)) ?? [[]])[0].map((item) => item.json);
	return { node, saved, poll, events, workflowOf };
}

module.exports = { TRIGGER_TYPE, triggerNode, activeTrigger };
