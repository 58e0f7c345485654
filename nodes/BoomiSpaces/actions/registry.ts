import type { INodeProperties } from 'n8n-workflow';

import * as account from './account';
import * as environment from './environment';
import * as environmentExtensions from './environmentExtensions';
import * as execution from './execution';
import * as integrationPack from './integrationPack';
import * as integrationPackInstance from './integrationPackInstance';
import * as processResource from './process';
import * as space from './space';
import type { OperationDefinition } from './types';

/**
 * Every resource the node offers: its operation selector and its operations.
 * The node description and the router are both derived from this table, so an
 * operation cannot be listed without being executable (a test checks the rest).
 */
export const resources = {
	integrationPackInstance,
	environment,
	execution,
	process: processResource,
	account,
	integrationPack,
	space,
	environmentExtensions,
} satisfies Record<
	string,
	{ operationProperty: INodeProperties; operations: Record<string, OperationDefinition> }
>;

export type ResourceName = keyof typeof resources;

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Account',
			value: 'account',
			description: "A Boomi account that uses the credential's Space",
		},
		{
			name: 'Environment',
			value: 'environment',
			description: 'An environment of the Space (PROD or TEST) and the integration pack instances attached to it',
		},
		{
			name: 'Environment Extension',
			value: 'environmentExtensions',
			description:
				'The extensions of an integration pack instance in one environment: connection fields, process properties and map extensions',
		},
		{
			name: 'Execution',
			value: 'execution',
			description: 'A run of a Boomi process: its status, times, document counts and message',
		},
		{
			name: 'Integration Pack',
			value: 'integrationPack',
			description: 'An integration pack listed in a Space (a Space artifact listing), with its catalog metadata',
		},
		{
			name: 'Integration Pack Instance',
			value: 'integrationPackInstance',
			description: 'An integration pack installed in the Space, and its environment attachments',
		},
		{
			name: 'Process',
			value: 'process',
			description: 'A Boomi process of an installed integration pack: run it on an atom, or set its schedules',
		},
		{
			name: 'Space',
			value: 'space',
			description: 'A Boomi Space the account created: its name, description, URL and account group',
		},
	],
	default: 'integrationPackInstance',
};

/** Resource and operation selectors, then each operation's fields shown only for it. */
export function describeProperties(): INodeProperties[] {
	const properties: INodeProperties[] = [resourceProperty];
	for (const [resource, { operationProperty, operations }] of Object.entries(resources)) {
		properties.push(operationProperty);
		for (const [operation, definition] of Object.entries(operations)) {
			for (const property of definition.properties) {
				properties.push({
					...property,
					displayOptions: {
						...property.displayOptions,
						show: {
							...property.displayOptions?.show,
							resource: [resource],
							operation: [operation],
						},
					},
				});
			}
		}
	}
	return properties;
}

export function findOperation(resource: string, operation: string): OperationDefinition | undefined {
	const entry = (resources as Record<string, { operations: Record<string, OperationDefinition> }>)[
		resource
	];
	return entry?.operations[operation];
}

/** The operation's display name ("Unattach From Environment"), for the words of its errors. */
export function operationName(resource: string, operation: string): string {
	const entry = (resources as Record<string, { operationProperty: INodeProperties }>)[resource];
	const option = entry?.operationProperty.options?.find(
		(candidate) => 'value' in candidate && candidate.value === operation,
	);
	return option?.name ?? operation;
}

/**
 * The canvas subtitle: "<operation>: <resource>" in display names (n8n shows
 * the raw values otherwise), one lookup built from the registry.
 */
export function subtitleExpression(): string {
	const names: Record<string, string> = {};
	for (const option of resourceProperty.options ?? []) {
		if (!('value' in option)) continue;
		const resource = String(option.value);
		const entry = (resources as Record<string, { operations: Record<string, OperationDefinition> }>)[resource];
		for (const operation of Object.keys(entry?.operations ?? {})) {
			names[`${resource}.${operation}`] = `${operationName(resource, operation)}: ${option.name}`;
		}
	}
	return `={{ ${JSON.stringify(names)}[$parameter["resource"] + "." + $parameter["operation"]] }}`;
}
