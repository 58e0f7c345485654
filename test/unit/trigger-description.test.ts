import { readFileSync } from 'fs';
import path from 'path';

import { BoomiSpacesTrigger } from '../../nodes/BoomiSpacesTrigger/BoomiSpacesTrigger.node';
import { EVENTS } from '../../nodes/BoomiSpacesTrigger/poll';
import { diffExecutions, diffSets, isStale } from '../../nodes/BoomiSpacesTrigger/state';

const trigger = new BoomiSpacesTrigger();
const { description } = trigger;

describe('Boomi Spaces Trigger description', () => {
	it('is a polling trigger on the package credential, not an AI tool', () => {
		expect(description.name).toBe('boomiSpacesTrigger');
		expect(description.displayName).toBe('Boomi Spaces Trigger');
		expect(description.polling).toBe(true);
		expect(description.inputs).toEqual([]);
		expect(description.outputs).toEqual(['main']);
		expect(description.group).toEqual(['trigger']);
		expect(description.usableAsTool).toBeUndefined();
		expect(description.credentials).toEqual([{ name: 'boomiSpacesApi', required: true }]);
		expect(typeof trigger.poll).toBe('function');
	});

	it('offers exactly the events the poll handles, and describes every field', () => {
		const event = description.properties.find((property) => property.name === 'event')!;
		expect(event.options?.map((option) => (option as { value: string }).value).sort()).toEqual([...EVENTS].sort());
		const fields = (properties: typeof description.properties): string[] =>
			properties.flatMap((property) => [
				...(property.description ? [] : [property.name]),
				...fields(((property.options ?? []) as typeof description.properties).filter((option) => 'type' in option)),
			]);
		expect(fields(description.properties)).toEqual([]);
	});

	it('registers the instance picker it uses', () => {
		const locator = description.properties.find((property) => property.name === 'integrationPackInstanceId')!;
		const method = locator.modes?.find((mode) => mode.name === 'list')?.typeOptions?.searchListMethod as string;
		expect(Object.keys(trigger.methods.listSearch)).toContain(method);
	});

	it('the codex names this node', () => {
		const codex = JSON.parse(readFileSync(path.join(__dirname, '../../nodes/BoomiSpacesTrigger/BoomiSpacesTrigger.node.json'), 'utf8'));
		expect(codex.node).toBe('n8n-nodes-boomi-spaces.boomiSpacesTrigger');
	});
});

describe('the trigger state rules', () => {
	const record = (key: string, time: number | null) => ({ key, time, json: { key } });

	it('executions: nothing on a first poll or after a change of selection, then only unseen keys, oldest first', () => {
		const first = diffExecutions(undefined, 'a', [record('x|ERROR', 1000)], 5000, 0);
		expect(first.events).toEqual([]);
		const second = diffExecutions(first.next, 'a', [record('y|ERROR', 9000), record('x|ERROR', 1000), record('z|ERROR', 6000)], 10000, 10000);
		expect(second.events).toEqual([{ key: 'z|ERROR' }, { key: 'y|ERROR' }]);
		expect(diffExecutions(second.next, 'b', [record('w|ERROR', 9500)], 11000, 0).events).toEqual([]);
	});

	it('executions: forgets keys older than the next query’s lower bound (to the second), keeps unreadable times only while Boomi returns them', () => {
		const { next } = diffExecutions({ config: 'a', polledAt: 0, since: 0, seen: {} }, 'a', [record('old|ERROR', 1000), record('edge|ERROR', 60000), record('odd|ERROR', null)], 60500, 0);
		expect(next.seen).toEqual({ 'edge|ERROR': 60000, 'odd|ERROR': null });
	});

	it('sets: added and removed items since the stored set; nothing on a first poll', () => {
		const first = diffSets(undefined, 'c', new Map([['1', { id: '1' }]]), 1);
		expect([first.added, first.removed, first.baseline]).toEqual([[], [], true]);
		const second = diffSets(first.next, 'c', new Map([['2', { id: '2' }]]), 2);
		expect([second.added, second.removed]).toEqual([[{ id: '2' }], [{ id: '1' }]]);
	});

	it('a poll that started before the stored state was written is stale', () => {
		expect(isStale({ config: 'c', polledAt: 10 }, 9)).toBe(true);
		expect(isStale({ config: 'c', polledAt: 10 }, 10)).toBe(false);
		expect(isStale(undefined, 0)).toBe(false);
	});
});
