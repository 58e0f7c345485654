#!/usr/bin/env node
'use strict';
// `npm run dev`: the node hot-reloaded in a local n8n — what `n8n-node dev`
// (@n8n/node-cli) does, with this project's build and pinned n8n instead of
// `npx n8n@latest` (which needs Node 24 and a registry-current n8n):
//   - `tsc --watch` (tsconfig.build.json) compiles nodes/ and credentials/
//     straight into a dev copy of the package in a persistent, git-ignored n8n
//     user folder (test/e2e/.dev): <user folder>/.n8n/nodes/node_modules/
//     n8n-nodes-boomi-spaces, where n8n loads community packages — so the node
//     is `n8n-nodes-boomi-spaces.boomiSpaces` as users get it, and examples/
//     import as they are (n8n-node dev's `.n8n/custom` would name it CUSTOM.*);
//   - n8n 2.41.1 from test/e2e's lockfile (`--n8n 2.8` for 2.8.4) with
//     N8N_DEV_RELOAD=true: n8n watches that folder and reloads the node when
//     tsc rewrites it (reopen the node panel or refresh the editor);
//   - the Boomi Spaces simulator on a fixed port, with a ready credential;
//     examples/ are imported on the first run only (your edits are kept).
// Workflows, credentials and the owner login survive restarts; delete
// test/e2e/.dev to start over. Icons are copied at start: restart for new ones.
//   --n8n 2.41 | 2.8    --port N (n8n, default 5678)    --sim-port N (default 5680)

const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const lib = require('./lib');
const { log } = lib;

const DEV = path.join(lib.E2E, '.dev');
const OWNER = { email: 'dev@example.com', password: 'Boomi-dev-Passw0rd', firstName: 'Boomi', lastName: 'Dev' };
const CREDENTIAL = { id: 'boomiDevCred00001', name: 'Boomi Spaces (simulator)' };

function numberArg(argv, flag, fallback) {
	const at = argv.findIndex((arg) => arg === flag || arg.startsWith(`${flag}=`));
	if (at === -1) return fallback;
	const value = Number(argv[at].startsWith(`${flag}=`) ? argv[at].slice(flag.length + 1) : argv[at + 1]);
	if (!Number.isInteger(value) || value <= 0 || value > 65535) throw new Error(`${flag} needs a port number`);
	return value;
}

/** The dev copy of the package: package.json and the icons (what `gulp build:icons` copies); tsc writes dist/. */
function preparePackage(pkgDir) {
	fs.mkdirSync(path.join(pkgDir, 'dist'), { recursive: true });
	fs.copyFileSync(path.join(lib.ROOT, 'package.json'), path.join(pkgDir, 'package.json'));
	for (const top of ['nodes', 'credentials']) {
		const walk = (rel) => {
			for (const entry of fs.readdirSync(path.join(lib.ROOT, top, rel), { withFileTypes: true })) {
				const child = path.join(rel, entry.name);
				if (entry.isDirectory()) walk(child);
				else if (/\.(svg|png)$/.test(entry.name)) {
					fs.mkdirSync(path.join(pkgDir, 'dist', top, rel), { recursive: true });
					fs.copyFileSync(path.join(lib.ROOT, top, child), path.join(pkgDir, 'dist', top, child));
				}
			}
		};
		walk('');
	}
}

/** `tsc --watch` into `outDir`; resolves after the first compilation (with tsc's verdict on it). */
function startTsc(outDir) {
	const tsc = path.join(lib.ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
	const child = spawn(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir, '--watch', '--preserveWatchOutput', '--pretty'], { cwd: lib.ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
	let firstDone;
	const first = new Promise((resolve) => (firstDone = resolve));
	let buffer = '';
	child.stdout.on('data', (chunk) => {
		buffer += chunk;
		const lines = buffer.split('\n');
		buffer = lines.pop();
		for (const line of lines) {
			if (!line.trim()) continue;
			process.stdout.write(`[tsc] ${line}\n`);
			const found = /Found (\d+) errors?\. Watching for file changes/.exec(line.replace(/\x1b\[[0-9;]*m/g, ''));
			if (found) firstDone(Number(found[1]));
		}
	});
	return { child, first };
}

/** Print what n8n appends to its log (reloads, errors), prefixed. */
function followLog(file) {
	let position = fs.existsSync(file) ? fs.statSync(file).size : 0;
	const timer = setInterval(() => {
		const size = fs.statSync(file).size;
		if (size <= position) return;
		const fd = fs.openSync(file, 'r');
		const chunk = Buffer.alloc(size - position);
		fs.readSync(fd, chunk, 0, chunk.length, position);
		fs.closeSync(fd);
		position = size;
		for (const line of chunk.toString('utf8').split('\n')) {
			// Harmless here (no Python on the machine; the JS runner is what nodes use).
			if (line.trim() && !/Failed to start Python task runner/.test(line)) process.stdout.write(`[n8n] ${line}\n`);
		}
	}, 500);
	timer.unref();
}

async function main() {
	const argv = process.argv.slice(2);
	const [target] = lib.selectTargets(argv, process.env, ['2.41']);
	const port = numberArg(argv, '--port', 5678);
	const simPort = numberArg(argv, '--sim-port', 5680);
	const userFolder = path.join(DEV, `n8n-${target.key}`);
	const pkgDir = path.join(userFolder, '.n8n', 'nodes', 'node_modules', lib.PACKAGE_NAME);
	const firstRun = !fs.existsSync(path.join(userFolder, '.n8n', 'database.sqlite'));
	let tsc;
	let sim;
	let server;
	let stopping = false;
	const stop = async (code) => {
		if (stopping) return;
		stopping = true;
		log('\nstopping n8n, tsc and the simulator …');
		tsc?.child.kill('SIGTERM');
		if (server) await server.stop();
		if (sim) await sim.close();
		process.exit(code);
	};
	process.on('SIGINT', () => stop(0));
	process.on('SIGTERM', () => stop(0));
	try {
		const runtime = await lib.nodeForN8n(target);
		log(`n8n ${target.version} on Node ${lib.nodeVersion(runtime.node)}; user folder ${path.relative(lib.ROOT, userFolder)}${firstRun ? ' (new)' : ''}`);
		const bin = await lib.ensureN8n(target, runtime);

		preparePackage(pkgDir);
		tsc = startTsc(path.join(pkgDir, 'dist'));
		const errors = await tsc.first;
		if (errors) log(`tsc reported ${errors} error(s): n8n starts with what compiled; fix them and tsc recompiles.`);

		const { startSimulator } = require('../simulator');
		const { simulatorCredential } = require('../engine/boomi-workflow');
		sim = await startSimulator({ port: simPort });

		const logFile = path.join(DEV, `n8n-${target.key}.log`);
		const { env, baseUrl } = await lib.n8nEnv(runtime, userFolder, { N8N_PORT: String(port), N8N_DEV_RELOAD: 'true', N8N_LOG_LEVEL: 'info' });
		const n8n = (...args) => lib.exec(runtime.node, [bin, ...args], { cwd: DEV, env });
		fs.writeFileSync(path.join(DEV, 'credentials.json'), JSON.stringify([{ ...CREDENTIAL, type: 'boomiSpacesApi', data: simulatorCredential(sim) }]));
		await n8n('import:credentials', `--input=${path.join(DEV, 'credentials.json')}`);
		if (firstRun) {
			const files = fs.readdirSync(path.join(lib.ROOT, 'examples')).filter((file) => file.endsWith('.json')).sort();
			const workflows = files.map((file, index) => lib.asImported(lib.example(file), `boomiDevWorkflow${index}`, CREDENTIAL));
			fs.writeFileSync(path.join(DEV, 'workflows.json'), JSON.stringify(workflows));
			await n8n('import:workflow', `--input=${path.join(DEV, 'workflows.json')}`);
		}

		log(`starting n8n on http://127.0.0.1:${port} …`);
		server = await lib.startN8n({ node: runtime.node, bin, env, baseUrl, cwd: DEV, logFile });
		if (firstRun) await lib.restClient(baseUrl).setupOwner(OWNER);
		followLog(logFile);
		log(`
  n8n ${target.version} with the Boomi Spaces node, hot-reloaded:  http://127.0.0.1:${port}
  log in as ${OWNER.email} / ${OWNER.password}
  Credential "${CREDENTIAL.name}" → the simulator on ${sim.url} (API token ${sim.demo.apiToken}).
  Edit nodes/ or credentials/: tsc recompiles into ${path.relative(lib.ROOT, pkgDir)}/dist and n8n reloads
  the node ("[n8n]" lines); reopen the node or refresh the editor. Ctrl-C stops everything.`);
		const exited = await new Promise((resolve) => server.child.on('exit', (code, signal) => resolve({ code, signal })));
		if (!stopping) {
			log(`n8n exited (${JSON.stringify(exited)}); log: ${logFile}`);
			server = undefined;
			await stop(1);
		}
	} catch (error) {
		log(`dev: ${error.stack || error}`);
		await stop(1);
	}
}

main();
