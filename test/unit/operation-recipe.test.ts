// CONTRIBUTING's "Add an operation", checked for every operation the registry
// declares, without naming any: a new operation fails here until it has its
// engine tests and its README row. (Documents, descriptions and the AI-tool
// texts have their own registry-driven tests: documents, node-description and
// ai-tool-description.)
//
// The engine-test convention: operation `<resource>.<operation>` is tested in
// test/engine/<resource>-<operation>.test.js, which holds (at least) one test
// titled `success: …` calling env.expectSuccess, one `Boomi error: …` calling
// env.expectBoomiError and one `bad input: …` calling env.expectBadInput (the
// helpers of test/engine/simulator-engine.js assert what each case means:
// output paired with its items; a NodeApiError after Boomi answered; a
// NodeOperationError before any request).
import type { INodePropertyOptions } from 'n8n-workflow';
import { existsSync, readdirSync, readFileSync } from 'fs';
import path from 'path';

import { resourceProperty, resources } from '../../nodes/BoomiSpaces/actions/registry';
import type { OperationDefinition } from '../../nodes/BoomiSpaces/actions/types';

const ROOT = path.join(__dirname, '..', '..');
const ENGINE_DIR = path.join(ROOT, 'test', 'engine');

interface Operation {
	label: string;
	resource: string;
	resourceName: string;
	operation: string;
	option: INodePropertyOptions | undefined;
	definition: OperationDefinition;
}

const operations: Operation[] = Object.entries(resources).flatMap(([resource, entry]) =>
	Object.entries(entry.operations as Record<string, OperationDefinition>).map(([operation, definition]) => ({
		label: `${resource}.${operation}`,
		resource,
		resourceName: String(
			(resourceProperty.options as INodePropertyOptions[]).find((option) => option.value === resource)?.name,
		),
		operation,
		option: (entry.operationProperty.options as INodePropertyOptions[]).find((option) => option.value === operation),
		definition,
	})),
);

const engineTestFile = (resource: string, operation: string) => path.join(ENGINE_DIR, `${resource}-${operation}.test.js`);

/** The required cases: title prefix → the helper the test must call. */
const CASES = [
	['success', 'expectSuccess'],
	['Boomi error', 'expectBoomiError'],
	['bad input', 'expectBadInput'],
] as const;

interface TestBlock {
	kind: string;
	modifier: string | undefined;
	title: string;
	body: string;
}

/**
 * The `describe` / `it` / `test` blocks of a Jest file whose title is a string
 * literal, each with the source up to the next block (enough to see which
 * helpers a test calls).
 */
function testBlocks(source: string): TestBlock[] {
	const pattern = /(?<![.\w])(x?describe|x?it|x?test|fit)(?:\.(\w+))?\s*\(\s*(['"`])((?:\\.|(?!\3)[^\\])*)\3/g;
	const matches = [...source.matchAll(pattern)];
	return matches.map((match, index) => ({
		kind: match[1],
		modifier: match[2],
		title: match[4],
		body: source.slice(match.index, matches[index + 1]?.index ?? source.length),
	}));
}

describe('operation recipe: every operation of the registry', () => {
	it('the registry has operations and each has an option in its selector', () => {
		expect(operations.length).toBeGreaterThan(0);
		for (const { label, option, resourceName } of operations) {
			expect([label, option?.name]).toEqual([label, expect.stringMatching(/\S/)]);
			expect([label, resourceName]).toEqual([label, expect.stringMatching(/\S/)]);
		}
	});

	describe.each(operations.map((operation) => [operation.label, operation] as const))(
		'%s: engine tests',
		(_label, { resource, operation }) => {
			const file = engineTestFile(resource, operation);
			const relative = path.relative(ROOT, file);
			const blocks = existsSync(file) ? testBlocks(readFileSync(file, 'utf8')) : [];

			it(`lives in ${relative}`, () => {
				expect([relative, existsSync(file)]).toEqual([relative, true]);
			});

			it('skips and focuses nothing', () => {
				const disabled = blocks.filter(
					(block) => block.kind.startsWith('x') || block.kind === 'fit' || ['skip', 'only', 'todo'].includes(block.modifier ?? ''),
				);
				expect(disabled.map((block) => `${block.kind}${block.modifier ? `.${block.modifier}` : ''}('${block.title}')`)).toEqual([]);
			});

			it.each(CASES)('has a "%s: …" test that calls env.%s', (prefix, helper) => {
				const cases = blocks.filter(
					(block) => (block.kind === 'it' || block.kind === 'test') && !block.modifier && block.title.startsWith(`${prefix}: `),
				);
				expect([relative, prefix, cases.length > 0]).toEqual([relative, prefix, true]);
				for (const block of cases) {
					expect([block.title, block.body.includes(`${helper}(`)]).toEqual([block.title, true]);
				}
			});
		},
	);

	it('every test/engine/<resource>-<name>.test.js names a registered operation', () => {
		const stale = readdirSync(ENGINE_DIR).filter((name) => {
			const match = /^([A-Za-z]+)-([A-Za-z]+)\.test\.js$/.exec(name);
			if (!match || !(match[1] in resources)) return false;
			return !operations.some(({ resource, operation }) => resource === match[1] && operation === match[2]);
		});
		expect(stale).toEqual([]);
	});
});

/** The rows of the README's operations table: resource, operation, Boomi GraphQL field, output items. */
function readmeOperationTable(): { header: string[]; rule: string; rows: string[][] } {
	const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
	const section = readme.split(/^## Operations\s*$/m)[1]?.split(/^## /m)[0] ?? '';
	const lines = section.split('\n').filter((line) => line.startsWith('|'));
	const cells = (line: string) => line.split('|').slice(1, -1).map((cell) => cell.trim());
	return { header: cells(lines[0] ?? '||'), rule: lines[1] ?? '', rows: lines.slice(2).map(cells) };
}

describe("README's operations table", () => {
	const { header, rule, rows } = readmeOperationTable();

	it('is the first table under "## Operations": resource, operation, Boomi GraphQL field, output items', () => {
		expect(header).toEqual(['resource', 'operation', 'Boomi GraphQL field', 'output items']);
		expect(rule).toMatch(/^\|(-+\|){4}$/);
	});

	it.each(operations.map((operation) => [operation.label, operation] as const))(
		'%s: one row naming the resource, the operation (display name and value) and the Boomi field',
		(label, { resourceName, operation, option, definition }) => {
			const expected = [resourceName, `${option?.name} (\`${operation}\`)`];
			const matching = rows.filter(([resource, name]) => resource === expected[0] && name === expected[1]);
			expect([label, matching.length]).toEqual([label, 1]);
			const [, , field, output] = matching[0];
			// The field alone, or with its arguments: `name` or `name(…)`.
			expect([label, field]).toEqual([label, expect.stringMatching(new RegExp(`^\`${definition.document.field}(\\(|\`)`))]);
			expect([label, output]).toEqual([label, expect.stringMatching(/\S/)]);
		},
	);

	it('has no row for an operation the registry does not have', () => {
		const known = operations.map(({ resourceName, operation, option }) => `${resourceName} | ${option?.name} (\`${operation}\`)`);
		expect(rows.map(([resource, name]) => `${resource} | ${name}`).filter((row) => !known.includes(row))).toEqual([]);
	});
});
