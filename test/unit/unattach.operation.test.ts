import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	decodeAttachmentId,
	document,
	output,
	variables,
} from '../../nodes/BoomiSpaces/actions/integrationPackInstance/unattach.operation';

// The sample response on Boomi's Unattach page.
const SAMPLE =
	'QVRUQUNIX0lQQUNLX0VOVlNXNTBaV2R5WVhScGIyNVFZV05yU1c1emRHRnVZMlV6TkRRNE5nOjg2YjQxM2E4LTFlYmYtNGM5NS1iYzViLTEzOTU3M2I3NzkxMA';

/** The two context methods `variables` uses; the engine tests cover the real context. */
function contextWithId(value: unknown) {
	return {
		getNodeParameter: () => value,
		getNode: () => ({ name: 'Boomi Spaces', type: 'n8n-nodes-boomi-spaces.boomiSpaces', typeVersion: 1, position: [0, 0], parameters: {}, id: '1' }),
	} as unknown as IExecuteFunctions;
}

describe('Unattach document', () => {
	// The released document, byte for byte: a compatibility promise (what Boomi,
	// proxies and logs have seen since 0.1.0). The only place it is written out;
	// other tests import it from the operation module.
	it('is the released named mutation, taking the id as a variable only', () => {
		expect(document).toEqual({
			operationName: 'UnattachIntegrationPackInstance',
			field: 'integrationPackInstanceEnvironmentAttachmentUnattach',
			query: 'mutation UnattachIntegrationPackInstance($id: ID!) {\n  integrationPackInstanceEnvironmentAttachmentUnattach(id: $id)\n}',
		});
	});
});

describe('decodeAttachmentId', () => {
	it("decodes the sample response of Boomi's Unattach page", () => {
		expect(decodeAttachmentId(SAMPLE)).toEqual({
			integrationPackInstanceId: 'SW50ZWdyYXRpb25QYWNrSW5zdGFuY2UzNDQ4Ng',
			environmentId: '86b413a8-1ebf-4c95-bc5b-139573b77910',
		});
	});

	it('accepts padded base64 too', () => {
		const padded = btoa('ATTACH_IPACK_ENVabc:env-1');
		expect(decodeAttachmentId(padded)).toEqual({ integrationPackInstanceId: 'abc', environmentId: 'env-1' });
	});

	it.each([
		['not a string', 42],
		['null', null],
		['empty', ''],
		['an instance id (other prefix)', 'SW50ZWdyYXRpb25QYWNrSW5zdGFuY2UzNDQ4Ng'],
		['not base64', 'hello world!'],
		['missing separator', btoa('ATTACH_IPACK_ENVabc').replace(/=+$/, '')],
		['empty environment', btoa('ATTACH_IPACK_ENVabc:').replace(/=+$/, '')],
		['empty instance', btoa('ATTACH_IPACK_ENV:env').replace(/=+$/, '')],
		['binary content', btoa('ATTACH_IPACK_ENV\u0001:\u0002')],
		['impossible length', 'QVRUQ'],
		['a plain word', 'OK'],
	])('returns undefined for %s', (_label, value) => {
		expect(decodeAttachmentId(value)).toBeUndefined();
	});
});

describe('output', () => {
	it('says what was detached from where first, then the id sent and Boomi\'s string unchanged', () => {
		const [json] = output(SAMPLE, { id: 'SW50ZWdyYXRpb25QYWNrSW5zdGFuY2UzNDQ4Ng' }, {});
		expect(json).toEqual({
			detached: true,
			integrationPackInstanceId: 'SW50ZWdyYXRpb25QYWNrSW5zdGFuY2UzNDQ4Ng',
			environmentId: '86b413a8-1ebf-4c95-bc5b-139573b77910',
			id: 'SW50ZWdyYXRpb25QYWNrSW5zdGFuY2UzNDQ4Ng',
			result: SAMPLE,
		});
		// The table's first columns are the meaningful ones; the long ids come last.
		expect(Object.keys(json)).toEqual(['detached', 'integrationPackInstanceId', 'environmentId', 'id', 'result']);
	});

	it('adds the names the picker stored with the selection, at no request', () => {
		const [json] = output(SAMPLE, { id: SAMPLE }, { instanceName: 'Inventory - US Stores', environmentName: 'Development' });
		expect(Object.keys(json)).toEqual(['detached', 'integrationPackInstanceId', 'environmentId', 'instanceName', 'environmentName', 'id', 'result']);
	});

	it('invents nothing when neither the result nor the id sent decodes', () => {
		expect(output('Detached', { id: 'x' }, {})).toEqual([{ detached: true, id: 'x', result: 'Detached' }]);
		expect(output(null, { id: 'x' }, {})).toEqual([{ detached: true, id: 'x', result: null }]);
	});
});

describe('variables', () => {
	it('sends the id untouched, whitespace and special characters included', () => {
		const id = ' a"b{c}#d\\e ';
		expect(variables.call(contextWithId(id), 0)).toEqual({ id });
	});

	it('reads a resource locator value', () => {
		expect(variables.call(contextWithId({ __rl: true, mode: 'id', value: 'abc' }), 0)).toEqual({ id: 'abc' });
	});

	it('turns a numeric id from an expression into text', () => {
		expect(variables.call(contextWithId(34486), 0)).toEqual({ id: '34486' });
	});

	it.each([[''], ['   '], [undefined], [null], [{}], [['a']]])('rejects %p with a NodeOperationError naming the item', (value) => {
		let caught: unknown;
		try {
			variables.call(contextWithId(value), 3);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(NodeOperationError);
		const error = caught as NodeOperationError;
		expect(error.message).toMatch(/Attachment ID/);
		expect(error.description).toMatch(/^Item 3: /);
		expect(error.context.itemIndex).toBe(3);
	});
});
