import { parse } from 'yaml';
import type { ColumnSpec, MlModel } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Parses an `MLmodel` file (YAML whose signature fields hold JSON strings). Throws on malformed text. */
export function parseMlModel(text: string): MlModel {
  const doc = parse(text) as any;
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('not a YAML mapping');
  const flavors = doc.flavors && typeof doc.flavors === 'object' ? doc.flavors : {};
  const sig = doc.signature;
  const example = doc.saved_input_example_info;
  return {
    artifactPath: str(doc.artifact_path),
    flavors,
    runId: str(doc.run_id),
    modelId: str(doc.model_id),
    mlflowVersion: str(doc.mlflow_version),
    utcTimeCreated: str(doc.utc_time_created),
    signature:
      sig && typeof sig === 'object'
        ? { inputs: columns(sig.inputs), outputs: columns(sig.outputs), params: jsonField(sig.params) }
        : undefined,
    inputExample:
      example && typeof example === 'object'
        ? { artifactPath: str(example.artifact_path), type: str(example.type), pandasOrient: str(example.pandas_orient) }
        : undefined,
  };
}

function str(v: unknown): string | undefined {
  return v === undefined || v === null ? undefined : String(v);
}

function jsonField(v: unknown): any {
  if (v === undefined || v === null) return undefined;
  return typeof v === 'string' ? JSON.parse(v) : v;
}

function columns(v: unknown): ColumnSpec[] | undefined {
  const list = jsonField(v);
  if (!Array.isArray(list)) return undefined;
  return list.map((c: any) => ({
    name: c.name === undefined ? undefined : String(c.name),
    type: String(c.type),
    required: c.required === undefined ? undefined : Boolean(c.required),
    tensorSpec: c['tensor-spec'] ? { dtype: String(c['tensor-spec'].dtype), shape: c['tensor-spec'].shape } : undefined,
  }));
}
