#!/usr/bin/env node
// `npm run demo`: with no configuration, start the Boomi Spaces simulator, run
// a workflow that detaches an integration pack instance from an environment
// through the n8n engine (n8n-core WorkflowExecute, the node loaded from dist/
// as n8n loads it), and print the resulting items and what Boomi received.
//
// The same workflow against a real Boomi account: create a "Boomi Spaces API"
// credential in n8n with region US or GB, your Account ID, Username, API token
// and Space GUID (see README), and give the node an id from your Space.
const { createEngine } = require('./harness/engine');
const { startSimulator } = require('./simulator');
const { simulatorCredential, unattachWorkflow, useCredential } = require('./engine/boomi-workflow');

async function main() {
	const sim = await startSimulator();
	const engine = await createEngine();
	try {
		useCredential(engine, simulatorCredential(sim));
		const before = sim.state.attachments.length;
		const items = [{ json: { attachmentId: sim.demo.attachmentId } }];

		console.log(`Boomi Spaces simulator on ${sim.url} (account ${sim.demo.accountId}, Space ${sim.demo.spaceGuid})`);
		console.log(`Workflow: Boomi Spaces → Integration Pack Instance → Unattach From Environment, id = {{ $json.attachmentId }}`);
		console.log(`Input: ${JSON.stringify(items.map((item) => item.json))}\n`);

		const run = await engine.runWorkflow({ ...unattachWorkflow({ id: '={{ $json.attachmentId }}' }), items });
		if (run.status !== 'success') {
			console.error(`The workflow failed: ${run.error?.message ?? run.status}`);
			process.exitCode = 1;
			return;
		}
		console.log('Output items:');
		console.log(JSON.stringify(run.output('Boomi Spaces'), null, 2));

		const calls = sim.requests.map((request) => `${request.method} ${request.path} → ${request.status}`);
		console.log(`\nRequests Boomi received: ${calls.join(', ')}`);
		console.log(`Attachments in the Space: ${before} before, ${sim.state.attachments.length} after (detached ${sim.demo.attachmentId.slice(0, 24)}…)`);
	} finally {
		engine.close();
		await sim.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
