// The pure pieces of the Process operations: reading Boomi's answers and ids, checking schedule expressions.
import { output as executeOutput } from '../../nodes/BoomiSpaces/actions/process/execute.operation';
import {
	decodeProcessSchedulesId,
	isScheduleExpression,
} from '../../nodes/BoomiSpaces/actions/process/updateSchedule.operation';

const b64 = (text: string) => Buffer.from(text).toString('base64').replace(/=+$/, '');

describe('decodeProcessSchedulesId', () => {
	it("reads Boomi's observed form, base64 of CPS<atomId>:<processId> (the page's sample id)", () => {
		expect(
			decodeProcessSchedulesId('Q1BTOGZhNTU3MTQtOGU1ZS00NWYxLWI3ZTEtZjU3ZjIwMDBmNDY0OjZlNzlhZWFkLTQwZDQtNDIyYi05MDM3LTQzNzBhODZjYzJmMQ'),
		).toEqual({ atomId: '8fa55714-8e5e-45f1-b7e1-f57f2000f464', processId: '6e79aead-40d4-422b-9037-4370a86cc2f1' });
		// Padded, too.
		expect(decodeProcessSchedulesId(Buffer.from('CPSat:p').toString('base64'))).toEqual({ atomId: 'at', processId: 'p' });
	});

	it.each([
		['not base64', 'not an id!'],
		['another prefix', b64('ATTACH_IPACK_ENVa:b')],
		['no separator', b64('CPSab')],
		['an empty part', b64('CPS:p')],
		['two separators', b64('CPSa:b:c')],
		['binary', b64('CPS\u0001:\u0002')],
		['not text', 42],
	])('invents nothing for %s', (_name, value) => {
		expect(decodeProcessSchedulesId(value)).toBeUndefined();
	});
});

describe('isScheduleExpression', () => {
	it.each(['*', '0', '59', '0-59/15', '*/10', '8-18', '0,30', '1,15-20,*/7', '5/10'])('accepts %s for minutes', (text) => {
		expect(isScheduleExpression(text, 0, 59)).toBe(true);
	});
	it.each(['', '60', '-1', '30-10', '*/0', 'every 5', '1,,2', 'L', '1-2-3', '0-59/'])('refuses %p for minutes', (text) => {
		expect(isScheduleExpression(text, 0, 59)).toBe(false);
	});
	it('takes the field range: days of week 1–7', () => {
		expect(isScheduleExpression('2,3,4,5,6', 1, 7)).toBe(true);
		expect(isScheduleExpression('0', 1, 7)).toBe(false);
	});
});

describe('Execute output', () => {
	const sent = { atomId: 'a-1', processId: 'p-1' };
	it("parses Boomi's ExecutionRequest JSON text", () => {
		const text = JSON.stringify({ '@type': 'ExecutionRequest', processId: 'p-1', atomId: 'a-1', requestId: 'executionrecord-1', recordUrl: 'https://x/1' });
		expect(executeOutput(text, sent)).toEqual([
			{ '@type': 'ExecutionRequest', processId: 'p-1', atomId: 'a-1', requestId: 'executionrecord-1', recordUrl: 'https://x/1' },
		]);
	});
	it('fills what the answer lacks from what was sent', () => {
		expect(executeOutput('{"requestId":"r"}', sent)).toEqual([{ requestId: 'r', processId: 'p-1', atomId: 'a-1', recordUrl: null }]);
	});
	it.each([['text', 'ok'], ['a JSON array', '[1]'], ['a JSON number', '7']])('keeps %s as it came and names it', (_name, text) => {
		expect(executeOutput(text, sent)).toEqual([
			{ processId: 'p-1', atomId: 'a-1', requestId: null, recordUrl: null, executionRequest: text, unparsedFields: ['executionRequest'] },
		]);
	});
});
