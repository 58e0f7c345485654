#!/usr/bin/env node
// `npm run bench`: how fast and how safely a large item list goes through
// Boomi's rate limit, for n8n's own GraphQL node (what users do today) and the
// Boomi Spaces node (defaults, and tuned), all in process through n8n-core's
// WorkflowExecute against the same simulator settings.
//
// The simulator runs in this process; each contender runs in a child process
// (so its peak RSS and CPU time are its own) and talks to the simulator over
// HTTP. Writes bench/results.md.
//
//   node bench/run.js [--items 1000] [--rtt 150] [--limit 10] [--burst 10]
//                     [--memory-items 10000] [--quick] [--out bench/results.md]
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

function parseArgs(argv) {
	const args = { items: 1000, rtt: 150, limit: 10, burst: 10, memoryItems: 10000, farRtt: 500, farItems: 200, out: path.join(__dirname, 'results.md') };
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const next = () => argv[++i];
		if (flag === '--items') args.items = Number(next());
		else if (flag === '--rtt') args.rtt = Number(next());
		else if (flag === '--limit') args.limit = Number(next());
		else if (flag === '--burst') args.burst = Number(next());
		else if (flag === '--memory-items') args.memoryItems = Number(next());
		else if (flag === '--far-rtt') args.farRtt = Number(next());
		else if (flag === '--far-items') args.farItems = Number(next());
		else if (flag === '--out') args.out = path.resolve(next());
		else if (flag === '--quick') Object.assign(args, { items: 100, memoryItems: 1000, farItems: 40 });
		else if (flag === '--child') args.child = true;
		else throw new Error(`Unknown flag ${flag}`);
	}
	return args;
}

// ---------------------------------------------------------------- child side
/** One contender's run: engine + workflow, reporting wall time, CPU and peak RSS. */
async function child() {
	const spec = JSON.parse(process.env.BENCH_SPEC);
	const { createEngine } = require('../test/harness/engine');
	const { simulatorCredential, unattachWorkflow, useCredential } = require('../test/engine/boomi-workflow');
	const { bulkAttachmentIds } = require('../test/simulator/bulk-seed');

	const extraNodeTypes = spec.kind === 'graphql' ? require('../test/n8n-peer').peerNodeTypes(['GraphQL/GraphQL.node.js']) : {};
	const engine = await createEngine({ extraNodeTypes });
	const sim = spec.sim; // { graphqlUrl, authUrl, demo }
	let workflow;
	if (spec.kind === 'graphql') {
		workflow = {
			nodes: [
				{
					id: 'graphql',
					name: 'GraphQL',
					type: 'n8n-nodes-base.graphql',
					typeVersion: 1.1,
					position: [0, 0],
					onError: 'continueRegularOutput',
					parameters: {
						endpoint: sim.graphqlUrl,
						requestFormat: 'json',
						query:
							'mutation UnattachIntegrationPackInstance($id: ID!) {\n  integrationPackInstanceEnvironmentAttachmentUnattach(id: $id)\n}',
						variables: '={{ JSON.stringify({ id: $json.id }) }}',
						operationName: 'UnattachIntegrationPackInstance',
						headerParametersUi: {
							parameter: [
								{ name: 'Authorization', value: `Bearer ${spec.jwt}` },
								{ name: 'SPACE_GUID', value: sim.demo.spaceGuid },
								{ name: 'Accept', value: 'application/json' },
							],
						},
					},
				},
			],
			connections: {},
		};
	} else {
		useCredential(engine, simulatorCredential(sim));
		workflow = unattachWorkflow({ onError: 'continueRegularOutput' });
		workflow.nodes[0].parameters.options = spec.options;
	}
	const nodeName = workflow.nodes[0].name;
	const items = bulkAttachmentIds(spec.items).map((id) => ({ json: { id } }));

	// Optional CPU profile of the run only (not start-up): inspector's Profiler.
	let session;
	const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
	if (spec.profileFile) {
		const inspector = require('inspector');
		session = new inspector.Session();
		session.connect();
		await post('Profiler.enable');
		await post('Profiler.start');
	}

	let peakRss = process.memoryUsage().rss;
	const sampler = setInterval(() => {
		peakRss = Math.max(peakRss, process.memoryUsage().rss);
	}, 20);
	const cpuBefore = process.cpuUsage();
	const started = process.hrtime.bigint();
	const run = await engine.runWorkflow({ ...workflow, items });
	const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
	const cpu = process.cpuUsage(cpuBefore);
	clearInterval(sampler);
	peakRss = Math.max(peakRss, process.memoryUsage().rss);
	if (session) {
		const { profile } = await post('Profiler.stop');
		fs.writeFileSync(spec.profileFile, JSON.stringify(profile));
		session.disconnect();
	}

	const output = run.status === 'success' ? run.output(nodeName) : [];
	const failed = output.filter((item) => item.json.error !== undefined || item.error !== undefined).length;
	const outputOk = output.length === spec.items && output.every((item, index) => item.pairedItem?.item === index || item.pairedItem === undefined);
	engine.close();
	process.stdout.write(
		`${JSON.stringify({ status: run.status, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, peakRss, outputItems: output.length, failed, outputOk })}\n`,
	);
}

// --------------------------------------------------------------- parent side
function runChild(spec, nodeArgs = []) {
	return new Promise((resolve, reject) => {
		const proc = spawn(process.execPath, [...nodeArgs, __filename, '--child'], {
			env: { ...process.env, BENCH_SPEC: JSON.stringify(spec), N8N_LOG_LEVEL: 'silent' },
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		let out = '';
		proc.stdout.on('data', (chunk) => (out += chunk));
		proc.on('error', reject);
		proc.on('close', (code) => {
			const line = out.trim().split('\n').pop();
			if (code !== 0 || !line) return reject(new Error(`contender ${spec.label} exited ${code}: ${out}`));
			resolve(JSON.parse(line));
		});
	});
}

/**
 * CPU self time of a V8 profile by where the code lives, so the node's own
 * code can be told apart from n8n's engine and the HTTP client it calls.
 */
function profileShares(profileFile) {
	const profile = JSON.parse(fs.readFileSync(profileFile, 'utf8'));
	const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
	const shares = { 'this package (dist/)': 0, 'n8n engine (n8n-core, n8n-workflow, luxon, lodash…)': 0, 'HTTP (axios, node:net/http/stream)': 0, 'other (GC, timers, native)': 0, 'idle (waiting for the simulator)': 0 };
	profile.samples.forEach((id, index) => {
		const frame = nodes.get(id)?.callFrame ?? {};
		const url = frame.url ?? '';
		const micros = profile.timeDeltas[index] ?? 0;
		let key = 'other (GC, timers, native)';
		if (frame.functionName === '(idle)') key = 'idle (waiting for the simulator)';
		else if (url.includes(`${path.sep}dist${path.sep}`) && !url.includes('node_modules')) key = 'this package (dist/)';
		else if (/node_modules\/(n8n-core|n8n-workflow|@n8n|luxon|lodash|jmespath|jssha|@langchain|zod)\//.test(url)) key = 'n8n engine (n8n-core, n8n-workflow, luxon, lodash…)';
		else if (/node_modules\/(axios|follow-redirects|proxy-from-env|form-data|https?-proxy-agent)|^node:(net|_http|http|https|internal\/streams|stream|events|dns|tls)/.test(url)) key = 'HTTP (axios, node:net/http/stream)';
		shares[key] += micros / 1000;
	});
	return shares;
}

async function measure(sim, spec, settings, nodeArgs) {
	sim.reset();
	sim.setOptions({
		latencyMs: settings.rtt,
		rateLimit: settings.limit ? { requestsPerSecond: settings.limit, burst: settings.burst, status: 503 } : null,
	});
	const jwt = sim.mintJwt({ lifetimeMs: 3600000 });
	const result = await runChild(
		{
			...spec,
			jwt,
			sim: { graphqlUrl: sim.graphqlUrl, authUrl: sim.authUrl, demo: sim.demo },
		},
		nodeArgs,
	);
	const graphql = sim.requests.filter((request) => request.path === '/graphql');
	const applied = sim.mutations.map((mutation) => mutation.result);
	const row = {
		label: spec.label,
		items: spec.items,
		rtt: settings.rtt,
		limit: settings.limit,
		...result,
		seconds: result.wallMs / 1000,
		// Throughput counts only items that were detached (error items excluded).
		itemsPerSecond: (result.outputItems - result.failed) / (result.wallMs / 1000),
		httpRequests: graphql.length,
		throttled: graphql.filter((request) => request.throttled).length,
		duplicates: applied.length - new Set(applied).size,
		notApplied: spec.items - new Set(applied).size,
		limitBoundSeconds: settings.limit ? spec.items / settings.limit : undefined,
		cpuMsPerItem: result.cpuMs / spec.items,
	};
	row.ratioToLimit = row.limitBoundSeconds ? row.limitBoundSeconds / row.seconds : undefined;
	console.error(
		`  ${row.label.padEnd(44)} ${row.items} items  ${row.seconds.toFixed(1)} s  ${row.itemsPerSecond.toFixed(2)} items/s  ${row.httpRequests} req  ${row.throttled} throttled  ${row.failed} failed  ${row.duplicates} dup`,
	);
	return row;
}

const fmt = (value, digits = 2) => (value === undefined ? '–' : Number(value).toFixed(digits));
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function table(rows, peer) {
	const lines = [
		'| contender | items | wall s | detached items/s | × GraphQL node | HTTP requests | throttled | failed items | duplicate mutations | vs limit-bound (N/limit) | CPU ms/item | peak RSS |',
		'|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
	];
	for (const row of rows) {
		lines.push(
			`| ${row.label} | ${row.items} | ${fmt(row.seconds, 1)} | ${fmt(row.itemsPerSecond)} | ${peer ? fmt(row.itemsPerSecond / peer.itemsPerSecond) : '–'} | ${row.httpRequests} | ${row.throttled} | ${row.failed} | ${row.duplicates} | ${row.ratioToLimit === undefined ? '–' : `${(row.ratioToLimit * 100).toFixed(1)} %`} | ${fmt(row.cpuMsPerItem, 3)} | ${mb(row.peakRss)} |`,
		);
	}
	return lines.join('\n');
}

async function parent(args) {
	console.error('Building the package…');
	execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
	require('../test/n8n-peer').ensureInstalled();
	const { startSimulator } = require('../test/simulator');
	const { bulkSeed } = require('../test/simulator/bulk-seed');
	const sim = await startSimulator({ seed: bulkSeed(Math.max(args.items, args.memoryItems)) });
	const limited = { rtt: args.rtt, limit: args.limit, burst: args.burst };
	const tuned = { batchSize: 5, concurrency: 2, requestsPerSecond: args.limit };
	const free = { rtt: 0, limit: 0, burst: 0 };
	const unpaced = { requestsPerSecond: 1000, concurrency: 4 };
	try {
		console.error(`Rate-limited runs: ${args.items} items, RTT ${args.rtt} ms, limit ${args.limit} calls/s (burst ${args.burst})`);
		const peerRow = await measure(sim, { kind: 'graphql', label: "n8n GraphQL node (one request per item)", items: args.items }, limited);
		const limitedRows = [
			peerRow,
			await measure(sim, { kind: 'boomi', label: 'Boomi Spaces node, defaults', items: args.items, options: {} }, limited),
			await measure(sim, { kind: 'boomi', label: 'Boomi Spaces node, batchSize 5, concurrency 2', items: args.items, options: tuned }, limited),
		];
		console.error(`Far from Boomi: ${args.farItems} items, RTT ${args.farRtt} ms, same limit`);
		const far = { rtt: args.farRtt, limit: args.limit, burst: args.burst };
		const farPeer = await measure(sim, { kind: 'graphql', label: 'n8n GraphQL node (one request per item)', items: args.farItems }, far);
		const farRows = [
			farPeer,
			await measure(sim, { kind: 'boomi', label: 'Boomi Spaces node, defaults', items: args.farItems, options: {} }, far),
		];
		console.error('Overhead runs: no latency, no rate limit');
		const overheadPeer = await measure(sim, { kind: 'graphql', label: 'n8n GraphQL node', items: args.items }, free);
		const overheadRows = [
			overheadPeer,
			await measure(sim, { kind: 'boomi', label: 'Boomi Spaces node, requestsPerSecond 1000', items: args.items, options: unpaced }, free),
			await measure(sim, { kind: 'boomi', label: 'Boomi Spaces node, requestsPerSecond 1000, batchSize 10', items: args.items, options: { ...unpaced, batchSize: 10 } }, free),
		];
		console.error('Profiled run: where the CPU time per item goes');
		const profileFile = path.join(os.tmpdir(), `boomi-bench-${process.pid}.cpuprofile`);
		const profiled = await measure(
			sim,
			{ kind: 'boomi', label: 'Boomi Spaces node, requestsPerSecond 1000 (profiled)', items: args.items, options: unpaced, profileFile },
			free,
		);
		const shares = profileShares(profileFile);
		fs.rmSync(profileFile, { force: true });
		console.error('Memory runs: no latency, no rate limit');
		const memoryRows = [];
		for (const items of [args.items, args.memoryItems]) {
			memoryRows.push(await measure(sim, { kind: 'boomi', label: `Boomi Spaces node, ${items} items`, items, options: unpaced }, free));
		}

		const [, defaults, tunedRow] = limitedRows;
		const cpus = os.cpus();
		const report = `# Benchmark: detaching integration pack instances through Boomi's rate limit

Generated by \`npm run bench\` (bench/run.js) on ${new Date().toISOString().slice(0, 10)}.
Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${mb(os.totalmem())} RAM, ${os.type()} ${os.release()}, Node ${process.version}; n8n-core / n8n-workflow 2.11.1, n8n-nodes-base 2.11.2 (GraphQL node).

Every contender runs in process through n8n-core \`WorkflowExecute\` (a child process each, so CPU and RSS are its own) against the Boomi Spaces simulator over HTTP, with the same settings. Each input item is one attachment to detach (\`integrationPackInstanceEnvironmentAttachmentUnattach\`). The simulator applies the rate limit per platform call (per aliased field), answers HTTP 503 over it, and logs every applied mutation (duplicates = the same attachment detached twice; "failed items" = error items in the output). The GraphQL node gets a pre-minted JWT in its headers (users paste one today; it would expire after five minutes); the Boomi Spaces node mints its own through the credential.

## Through the rate limit: ${args.items} items, RTT ${args.rtt} ms, limit ${args.limit} calls/s, burst ${args.burst}

${table(limitedRows, peerRow)}

- Limit-bound time is N / limit = ${fmt(args.items / args.limit, 0)} s: no client can detach faster without being throttled. The defaults reach ${fmt(defaults.ratioToLimit * 100, 1)} % of it, batched ${fmt(tunedRow.ratioToLimit * 100, 1)} %, with ${defaults.failed + tunedRow.failed} failed items and ${defaults.duplicates + tunedRow.duplicates} duplicate mutations.
- Against the GraphQL node: ×${fmt(defaults.itemsPerSecond / peerRow.itemsPerSecond)} (defaults). The GraphQL node sends one request at a time, so it runs at 1 / RTT ≈ ${fmt(1000 / args.rtt)} items/s, already ${fmt((1000 / args.rtt / args.limit) * 100, 0)} % of the limit at this RTT: with a ${args.limit} calls/s account limit no client can be more than ×${fmt(args.limit / (1000 / args.rtt))} faster here. The gap grows with RTT (see \`--rtt\`).
- Batching cuts HTTP requests (${tunedRow.httpRequests} instead of ${defaults.httpRequests}) but not platform calls: Boomi counts each aliased field.

## Far from Boomi: ${args.farItems} items, RTT ${args.farRtt} ms, limit ${args.limit} calls/s

${table(farRows, farPeer)}

With a longer round trip (a workflow far from Boomi's region, or a slow gateway) one-request-at-a-time falls to 1 / RTT ≈ ${fmt(1000 / args.farRtt)} items/s; the Boomi Spaces node keeps 4 requests in flight by default, so it reaches min(limit, 4 / RTT) ≈ ${fmt(Math.min(args.limit, 4000 / args.farRtt))} items/s: ×${fmt(farRows[1].itemsPerSecond / farPeer.itemsPerSecond)} here. Raising Concurrency to limit × RTT (here ${Math.ceil((args.limit * args.farRtt) / 1000)}) would reach the limit.

## Node overhead: ${args.items} items, no latency, no rate limit

${table(overheadRows, overheadPeer)}

CPU ms/item is the contender process's CPU time (n8n engine, node, HTTP client) divided by items; the simulator runs in the parent process.

Where that CPU time goes (V8 sampling profile of the run phase of one more unbatched run of ${profiled.items} items, start-up excluded, self time by code location, per item):

| code | ms per item |
|---|---:|
${Object.entries(shares).map(([key, ms]) => `| ${key} | ${fmt(ms / profiled.items, 3)} |`).join('\n')}

The node's own code (router, pacer, transport, mapping) is the first row; the rest is what n8n does for any node that sends one authenticated request per item (credential loading and expression resolution for the generic \`authenticate\`, the HTTP client). Batching divides that per-request part by the batch size.

## Memory: ${args.items} vs ${args.memoryItems} items (no latency, no rate limit)

${table(memoryRows)}

Peak RSS ratio ${args.memoryItems} / ${args.items} items: ${fmt(memoryRows[1].peakRss / memoryRows[0].peakRss)} (the output items themselves are kept by n8n, as for any node).
`;
		fs.writeFileSync(args.out, report);
		console.error(`\nWrote ${path.relative(ROOT, args.out)}`);
		process.stdout.write(report);
	} finally {
		await sim.close();
	}
}

const args = parseArgs(process.argv.slice(2));
(args.child ? child() : parent(args)).catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
