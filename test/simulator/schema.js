'use strict';
// The simulator's schema and the facts derived from it, in one place so that
// nothing about the root fields is kept by hand:
//   - MUTATION_FIELDS: the fields of `type Mutation` (recorded in sim.mutations);
//   - SPACE_EXEMPT: root fields tagged `# guid: no` in schema.graphql (no SPACE_GUID needed);
//   - GUID_TAGS: field name → 'yes' | 'no' for every Query/Mutation field.
// The tag is a comment line `# guid: yes|no` directly above the field (other
// comment lines may sit between; a description block may follow it). A root
// field without exactly one tag makes loading this module throw.

const fs = require('fs');
const path = require('path');
const { buildSchema } = require('graphql');

const SCHEMA_PATH = path.join(__dirname, 'schema.graphql');
const schemaText = fs.readFileSync(SCHEMA_PATH, 'utf8');

/**
 * Reads the `# guid:` tags of the Query and Mutation fields from schema text.
 * Returns Map fieldName → { tag: 'yes'|'no'|undefined, root: 'Query'|'Mutation', line }.
 */
function readGuidTags(text) {
	const result = new Map();
	let root = null;
	let pending = [];
	let inBlockString = false;
	const lines = text.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		const trimmed = line.trim();
		if (!root) {
			const m = /^type\s+(Query|Mutation)\s*\{/.exec(trimmed);
			if (m) {
				root = m[1];
				pending = [];
			}
			continue;
		}
		if (inBlockString) {
			if (trimmed.includes('"""')) inBlockString = false;
			continue;
		}
		if (trimmed.startsWith('"""')) {
			// A one-line """…""" closes on the same line.
			if (!(trimmed.length > 3 && trimmed.slice(3).includes('"""'))) inBlockString = true;
			continue;
		}
		if (trimmed === '}') {
			root = null;
			continue;
		}
		const tag = /^#\s*guid:\s*(\S+)\s*$/.exec(trimmed);
		if (tag) {
			pending.push(tag[1]);
			continue;
		}
		if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('"')) continue;
		const field = /^([_A-Za-z][_0-9A-Za-z]*)\s*[(:]/.exec(trimmed);
		if (field) {
			if (result.has(field[1])) throw new Error(`schema.graphql: root field '${field[1]}' declared twice`);
			result.set(field[1], { tags: pending, root, line: i + 1 });
			pending = [];
		}
	}
	return result;
}

const schema = buildSchema(schemaText);

function deriveRootFacts(builtSchema, text) {
	const tags = readGuidTags(text);
	const guidTags = new Map();
	const problems = [];
	for (const rootType of [builtSchema.getQueryType(), builtSchema.getMutationType()]) {
		if (!rootType) continue;
		for (const name of Object.keys(rootType.getFields())) {
			const entry = tags.get(name);
			const values = entry ? entry.tags : [];
			if (values.length !== 1 || (values[0] !== 'yes' && values[0] !== 'no')) {
				problems.push(`${rootType.name}.${name}: expected one '# guid: yes|no' tag, found ${JSON.stringify(values)}`);
				continue;
			}
			guidTags.set(name, values[0]);
		}
	}
	if (problems.length) throw new Error(`schema.graphql guid tags:\n  ${problems.join('\n  ')}`);
	const mutationType = builtSchema.getMutationType();
	return {
		guidTags,
		MUTATION_FIELDS: new Set(mutationType ? Object.keys(mutationType.getFields()) : []),
		SPACE_EXEMPT: new Set([...guidTags].filter(([, v]) => v === 'no').map(([k]) => k)),
		ROOT_FIELDS: [...guidTags.keys()],
	};
}

const facts = deriveRootFacts(schema, schemaText);

module.exports = {
	SCHEMA_PATH,
	schemaText,
	schema,
	readGuidTags,
	deriveRootFacts,
	GUID_TAGS: facts.guidTags,
	MUTATION_FIELDS: facts.MUTATION_FIELDS,
	SPACE_EXEMPT: facts.SPACE_EXEMPT,
	ROOT_FIELDS: facts.ROOT_FIELDS,
};
