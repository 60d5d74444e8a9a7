import * as v from "valibot";

/**
 * `schema` (an object or record schema) refusing arrays with the validation error the schema gives any
 * other non-object. Valibot's object and record schemas take any object, arrays included: `[]`
 * would pass as `{}` and `["x"]` as `{ "0": "x" }` where a JSON object is meant. A required key
 * already refuses an array, so only records and objects whose keys are all optional need this.
 * Everything else about `schema` (its type, entries, key and value) stays as it is, so readers of
 * the schema, such as a JSON Schema conversion, see no difference.
 *
 * Marked free of side effects, as valibot marks its own schema functions: this package ships as
 * one module, so a bundler can drop the schemas an application does not use only statement by
 * statement, and keeps a call it cannot prove pure (with the schemas it was given).
 */
/* @__NO_SIDE_EFFECTS__ */
export function refusingArrays<TSchema extends v.GenericSchema>(schema: TSchema): TSchema {
	return v._standardSchema<TSchema>({
		...schema,
		"~run"(dataset, config) {
			if (!Array.isArray(dataset.value)) return schema["~run"](dataset, config);
			v._addIssue(this, "type", dataset, config);
			// _addIssue made it a failure dataset (valibot's own schemas return it the same way).
			return dataset as unknown as v.OutputDataset<v.InferOutput<TSchema>, v.InferIssue<TSchema>>;
		},
	});
}
