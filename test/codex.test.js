// The codex file of every node the package declares (package.json `n8n.nodes`:
// today nodes/BoomiSpaces/BoomiSpaces.node.json, and any node added later). n8n
// reads `<node file>.json` next to the built node (n8n-core DirectoryLoader.getCodex)
// for the node panel's categories and the documentation links; a codex it cannot
// read is dropped silently, so the checks are made here.
const fs = require('fs');
const path = require('path');

const { PackageDirectoryLoader } = require('n8n-core');

const root = path.resolve(__dirname, '..');
const pkg = require('../package.json');

/**
 * The categories n8n's node panel groups nodes by, as n8n's own codex files use
 * them (n8n-nodes-base, @n8n/n8n-nodes-langchain). "Core Nodes" is n8n's own
 * nodes' group, not one for a community node.
 */
const KNOWN_CATEGORIES = [
	'AI',
	'Analytics',
	'Communication',
	'Data & Storage',
	'Developer Tools',
	'Development',
	'Finance & Accounting',
	'HITL',
	'Marketing',
	'Miscellaneous',
	'Productivity',
	'Sales',
	'Utility',
];

const nodeFiles = pkg.n8n.nodes;
// `dist/nodes/X/X.node.js` → its codex in the sources (`nodes/X/X.node.json`) and where n8n reads it.
const codexOf = (nodeFile) => {
	const built = path.join(root, `${nodeFile}on`);
	const source = path.join(root, `${nodeFile.replace(/^dist\//, '')}on`);
	return { built, source, codex: JSON.parse(fs.readFileSync(source, 'utf8')) };
};

function wellFormedHttpsUrl(url) {
	if (typeof url !== 'string' || /\s/.test(url)) return false;
	try {
		const parsed = new URL(url);
		return parsed.protocol === 'https:' && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(parsed.hostname) && !parsed.username && !parsed.password && parsed.href.startsWith(url.replace(/\/$/, ''));
	} catch {
		return false;
	}
}

let loader;
beforeAll(async () => {
	loader = new PackageDirectoryLoader(root);
	await loader.loadAll();
});

it('finds every node package.json declares', () => {
	expect(nodeFiles.length).toBeGreaterThan(0);
	expect(Object.keys(loader.nodeTypes)).toHaveLength(nodeFiles.length);
});

describe.each(nodeFiles)('%s', (nodeFile) => {
	const { built, source, codex } = codexOf(nodeFile);
	const description = () => {
		const entry = Object.values(loader.nodeTypes).find(({ sourcePath }) => path.resolve(sourcePath) === path.join(root, nodeFile));
		expect(entry).toBeDefined();
		return entry.type.description;
	};

	it('has a codex file beside the node source, copied by the build beside the built node', () => {
		expect(fs.existsSync(source)).toBe(true);
		expect(JSON.parse(fs.readFileSync(built, 'utf8'))).toEqual(codex);
	});

	it('names the node by its type, n8n-nodes-boomi-spaces.<name>', () => {
		expect(codex.node).toBe(`${pkg.name}.${description().name}`);
		expect(codex.nodeVersion).toMatch(/^\d+\.\d+$/);
		expect(codex.codexVersion).toMatch(/^\d+\.\d+$/);
	});

	it("files the node under n8n's known categories", () => {
		expect(Array.isArray(codex.categories)).toBe(true);
		expect(codex.categories.length).toBeGreaterThan(0);
		expect(new Set(codex.categories).size).toBe(codex.categories.length);
		for (const category of codex.categories) expect([category, KNOWN_CATEGORIES.includes(category)]).toEqual([category, true]);
		// Subcategories, when given, belong to one of its categories.
		for (const category of Object.keys(codex.subcategories ?? {})) expect(codex.categories).toContain(category);
		if (codex.alias !== undefined) expect(codex.alias.every((alias) => typeof alias === 'string' && alias.trim() === alias && alias)).toBe(true);
	});

	it('links documentation with well-formed https URLs (credential documentation when the node has credentials)', () => {
		const { primaryDocumentation, credentialDocumentation } = codex.resources ?? {};
		expect(primaryDocumentation?.length).toBeGreaterThan(0);
		if (description().credentials?.length) expect(credentialDocumentation?.length).toBeGreaterThan(0);
		for (const { url } of [...(primaryDocumentation ?? []), ...(credentialDocumentation ?? [])]) {
			expect([url, wellFormedHttpsUrl(url)]).toEqual([url, true]);
		}
	});

	it("is what n8n's loader attaches to the node (a codex it cannot read is dropped)", () => {
		expect(description().codex).toEqual({
			categories: codex.categories,
			...(codex.subcategories && { subcategories: codex.subcategories }),
			...(codex.alias && { alias: codex.alias }),
			resources: { primaryDocumentation: codex.resources.primaryDocumentation, credentialDocumentation: codex.resources.credentialDocumentation },
		});
	});
});

it('rejects malformed documentation URLs', () => {
	expect(wellFormedHttpsUrl('https://github.com/boomi-spaces-n8n/n8n-nodes-boomi-spaces#readme')).toBe(true);
	expect(wellFormedHttpsUrl('https://developer.boomi.com/docs/api/graphql/authentication')).toBe(true);
	for (const bad of ['http://developer.boomi.com/docs', 'https://localhost/docs', 'https://developer boomi.com', 'developer.boomi.com/docs', 'https://user:pw@boomi.com/', '', undefined]) {
		expect([bad, wellFormedHttpsUrl(bad)]).toEqual([bad, false]);
	}
});
