/** TypeBox request schemas of the causal routes (they also feed /openapi.json). */
import { Type } from '@svc/kernel';
import { MAX_BOOTSTRAP_SAMPLES } from '../../domain/causal/bootstrap.js';
import { MAX_GRAPH_NODES } from '../../domain/causal/graph.js';

const Name = Type.String({ minLength: 1, maxLength: 100 });
const Pair = Type.Array(Type.String({ maxLength: 100 }), {
  minItems: 2,
  maxItems: 2,
  description: 'a pair of node names [from, to]',
});
const Value = Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean()]);
const Names = Type.Array(Name, { maxItems: MAX_GRAPH_NODES });

/** The graph and the hidden confounding shared by all causal routes. */
const GraphFields = {
  dag: Type.Object({
    nodes: Type.Array(Type.String({ maxLength: 100 }), { maxItems: MAX_GRAPH_NODES }),
    edges: Type.Array(Pair, { maxItems: 5000 }),
  }),
  observed: Type.Optional(Names),
  latent: Type.Optional(Names),
  bidirected: Type.Optional(Type.Array(Pair, { maxItems: 5000 })),
};

export const ValidateBodySchema = Type.Object({
  ...GraphFields,
  treatment: Name,
  outcome: Name,
});

export const IdentifyBodySchema = Type.Object({
  ...GraphFields,
  treatment: Type.Union([Name, Type.Array(Name, { minItems: 1, maxItems: MAX_GRAPH_NODES })]),
  outcome: Type.Union([Name, Type.Array(Name, { minItems: 1, maxItems: MAX_GRAPH_NODES })]),
  distribution: Type.Optional(
    Type.Array(Type.Object({ values: Type.Record(Type.String(), Value), p: Type.Number({ minimum: 0 }) }), {
      maxItems: 100_000,
      description: 'joint table cells over the observed nodes (probabilities or counts)',
    }),
  ),
  data: Type.Optional(Type.Array(Type.Record(Type.String(), Value), { maxItems: 100_000 })),
  intervention: Type.Optional(
    Type.Record(Type.String(), Value, { description: 'do(x = value) for each treatment' }),
  ),
});

export const EstimateBodySchema = Type.Object({
  ...GraphFields,
  treatment: Name,
  outcome: Name,
  data: Type.Optional(
    Type.Array(Type.Record(Type.String(), Type.Union([Value, Type.Null()])), { maxItems: 100_000 }),
  ),
  csv: Type.Optional(Type.String({ description: 'CSV text with a header line' })),
  method: Type.Optional(
    Type.Union(
      [
        Type.Literal('backdoor'),
        Type.Literal('backdoor.stratification'),
        Type.Literal('backdoor.regression'),
        Type.Literal('ipw'),
        Type.Literal('frontdoor'),
        Type.Literal('id'),
      ],
      { description: 'default: backdoor if an adjustment set exists, else frontdoor, else the ID estimand' },
    ),
  ),
  treated_value: Type.Optional(Value),
  control_value: Type.Optional(Value),
  adjustment_set: Type.Optional(Names),
  bootstrap_samples: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_BOOTSTRAP_SAMPLES })),
  seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 4294967295 })),
  confidence_level: Type.Optional(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 })),
  refute: Type.Optional(Type.Boolean()),
});
