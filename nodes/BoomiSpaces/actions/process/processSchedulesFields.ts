/** The six fields of Boomi's cron-like Schedule type, in Boomi's order. */
const SCHEDULE_KEYS = ['minutes', 'hours', 'daysOfWeek', 'daysOfMonth', 'months', 'years'];

/**
 * The selection of Boomi's ProcessSchedules type (`id`, `processId`, `atomId`,
 * `envId`, `schedule`, `retry`), shared by Update Schedule and Get Processes
 * of an integration pack instance. A constant: no user input ever reaches it.
 * `indent` is the indentation of the lines after the first, so the text sits
 * in its document like hand-written GraphQL.
 */
export function processSchedulesFields(indent: string): string {
	const schedule = (pad: string) => [`${pad}schedule {`, ...SCHEDULE_KEYS.map((key) => `${pad}  ${key}`), `${pad}}`];
	return [
		'id',
		`${indent}processId`,
		`${indent}atomId`,
		`${indent}envId`,
		...schedule(indent),
		`${indent}retry {`,
		...schedule(`${indent}  `),
		`${indent}  maxRetry`,
		`${indent}}`,
	].join('\n');
}
