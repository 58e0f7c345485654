import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * A resource's "Operation" selector: shown for that resource only, never an
 * expression. Each option has `name`, `value` (the operation's file stem),
 * `description` and `action`; `defaultOperation` is one of the values.
 */
export function operationSelector(
	resource: string,
	defaultOperation: string,
	options: Array<INodePropertyOptions & { description: string; action: string }>,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
}
