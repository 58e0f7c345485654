#!/usr/bin/env node
'use strict';
// `npm run demo:n8n`: try the package in a real n8n without a Boomi account.
// Starts the Boomi Spaces simulator and n8n on http://127.0.0.1:5678 (loopback
// only) with this package installed as a community package, a ready
// "Boomi Spaces (simulator)" credential, every workflow of examples/ imported
// (the two webhook ones published), and an owner account; prints the URL and
// the login and the credential's values (simulator fixtures: type them into a
// second credential, or a wrong one on purpose). Ctrl-C stops both and removes
// the temp folder.
//   --n8n 2.41 (default; Node 24 fetched from the npm registry when needed) | --n8n 2.8 (Node 20)
//   --port N   n8n's port (default 5678)

const fs = require('fs');
const os = require('os');
const path = require('path');

const lib = require('./lib');
const { log } = lib;

const OWNER = { email: 'demo@example.com', password: 'Boomi-demo-Passw0rd', firstName: 'Boomi', lastName: 'Demo' };

/**
 * The credential's values as the credential form shows them (its labels, in its
 * order, option names for option fields), so a user can type a second
 * credential — or a wrong one on purpose — into n8n. Simulator fixtures, not secrets.
 */
function credentialFormLines(data) {
	const { BoomiSpacesApi } = require(path.join(lib.ROOT, 'dist', 'credentials', 'BoomiSpacesApi.credentials.js'));
	const fields = new BoomiSpacesApi().properties.filter((field) => Object.prototype.hasOwnProperty.call(data, field.name));
	const width = Math.max(...fields.map((field) => field.displayName.length));
	return fields.map((field) => {
		const value = data[field.name];
		const shown = field.options?.find((option) => option.value === value)?.name ?? value;
		return `${field.displayName.padEnd(width)}  ${shown}`;
	});
}

function portArg(argv) {
	const at = argv.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
	if (at === -1) return 5678;
	const value = Number(argv[at].startsWith('--port=') ? argv[at].slice('--port='.length) : argv[at + 1]);
	if (!Number.isInteger(value) || value <= 0 || value > 65535) throw new Error('--port needs a port number');
	return value;
}

async function main() {
	const argv = process.argv.slice(2);
	const [target] = lib.selectTargets(argv, process.env, ['2.41']);
	const port = portArg(argv);
	const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'boomi-spaces-demo-n8n-'));
	let sim;
	let server;
	let stopping = false;
	const stop = async (code) => {
		if (stopping) return;
		stopping = true;
		log('\nstopping n8n and the simulator …');
		if (server) await server.stop();
		if (sim) await sim.close();
		if (code === 0) fs.rmSync(temp, { recursive: true, force: true });
		else log(`kept for a look: ${temp}`);
		process.exit(code);
	};
	process.on('SIGINT', () => stop(0));
	process.on('SIGTERM', () => stop(0));
	try {
		const runtime = await lib.nodeForN8n(target);
		log(`n8n ${target.version} on Node ${lib.nodeVersion(runtime.node)}`);
		const bin = await lib.ensureN8n(target, runtime);
		log('building and packing the package …');
		const { tarball } = await lib.buildAndPack(temp);
		const userFolder = path.join(temp, 'user');
		await lib.installPackage(tarball, userFolder);

		const { startSimulator } = require('../simulator');
		const { simulatorCredential } = require('../engine/boomi-workflow');
		sim = await startSimulator({ port: 0 });

		const { env, baseUrl } = await lib.n8nEnv(runtime, userFolder, { N8N_PORT: String(port) });
		const url = `http://127.0.0.1:${port}`;
		const n8n = (...args) => lib.exec(runtime.node, [bin, ...args], { cwd: temp, env });
		const credential = { id: 'boomiDemoCred0001', name: 'Boomi Spaces (simulator)' };
		const files = fs.readdirSync(path.join(lib.ROOT, 'examples')).filter((file) => file.endsWith('.json')).sort();
		const workflows = files.map((file, index) => lib.asImported(lib.example(file), `boomiDemoWorkflow${index}`, credential));
		fs.writeFileSync(path.join(temp, 'credentials.json'), JSON.stringify([{ ...credential, type: 'boomiSpacesApi', data: simulatorCredential(sim) }]));
		fs.writeFileSync(path.join(temp, 'workflows.json'), JSON.stringify(workflows));
		log('importing the credential and the examples …');
		await n8n('import:credentials', `--input=${path.join(temp, 'credentials.json')}`);
		await n8n('import:workflow', `--input=${path.join(temp, 'workflows.json')}`);
		const webhooks = workflows.flatMap((wf) => wf.nodes.filter((node) => node.type === 'n8n-nodes-base.webhook').map((node) => ({ workflowId: wf.id, path: node.parameters.path })));
		await lib.activateWorkflows(n8n, [...new Set(webhooks.map((hook) => hook.workflowId))]);

		log(`starting n8n on ${url} …`);
		server = await lib.startN8n({ node: runtime.node, bin, env: { ...env, N8N_LOG_LEVEL: 'info' }, baseUrl, cwd: temp, logFile: path.join(temp, 'n8n.log'), webhookPaths: webhooks.map((hook) => hook.path) });
		await lib.restClient(baseUrl).setupOwner(OWNER);

		const attached = sim.state.attachments[1]?.id;
		log(`
  n8n ${target.version} with n8n-nodes-boomi-spaces is running:  ${url}
  log in as ${OWNER.email} / ${OWNER.password}

  Credential "Boomi Spaces (simulator)" points at the Boomi Spaces simulator on ${sim.url}
  (region Custom, API-token mode). Its values, to create another credential
  (Credentials → Add credential → Boomi Spaces API), or a wrong one on purpose
  (another API Token: the credential test says Boomi refused it, HTTP 401):
${credentialFormLines(simulatorCredential(sim)).map((line) => `    ${line}`).join('\n')}

  Workflows: ${files.join(', ')}.
  Open "Boomi Spaces: detach a list of attachments (manual run)" and press "Execute workflow",
  or call the published webhook:
    curl -X POST ${url}/webhook/boomi/unattach -H 'content-type: application/json' -d '{"id": "${attached}"}'

  The simulator keeps its data in memory: restart the demo to get the attachments back.
  Ctrl-C stops n8n and the simulator.`);
		const exited = await new Promise((resolve) => server.child.on('exit', (code, signal) => resolve({ code, signal })));
		if (!stopping) {
			log(`n8n exited (${JSON.stringify(exited)}); log: ${path.join(temp, 'n8n.log')}`);
			server = undefined;
			await stop(1);
		}
	} catch (error) {
		log(`demo:n8n: ${error.stack || error}`);
		await stop(1);
	}
}

if (require.main === module) main();

module.exports = { credentialFormLines };
