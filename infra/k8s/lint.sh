#!/usr/bin/env bash
# Render every overlay and validate each resource, strictly (unknown fields are errors), against
# the schemas vendored in schemas/: Kubernetes' own kinds and the Strimzi and CloudNativePG
# custom resources. A resource with no schema fails too: nothing is waved through.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
KUSTOMIZE=${KUSTOMIZE:-kustomize}
KUBECONFORM=${KUBECONFORM:-kubeconform}
for overlay in "$here"/overlays/*/; do
  echo "infra/k8s/overlays/$(basename "$overlay"):"
  "$KUSTOMIZE" build "$overlay" | "$KUBECONFORM" -strict -summary \
    -schema-location "$here/schemas/kubernetes/{{.ResourceKind}}{{.KindSuffix}}.json" \
    -schema-location "$here/schemas/crds/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json" -
done
