#!/usr/bin/env bash
# Refresh the vendored schemas (kubernetes/, crds/) from package registries; run by hand when a
# version below changes, then commit what it wrote. `make lint` only reads the result.
#   fetch.sh [kubernetes] [strimzi] [cloudnative_pg]     (all three when none is named)
#   Kubernetes: the kubernetes-validate wheel (PyPI), which carries each release's schemas.
#   Strimzi: its `api` classes (Maven Central) run through Strimzi's own CRD generator, exactly
#     as Strimzi's build makes 040-Crd-kafka.yaml & co.; the generator needs Java 21 or newer.
#   CloudNativePG: config/crd/bases of its Go module (Go module proxy).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
KUBERNETES_VERSION=${KUBERNETES_VERSION:-1.34.0}
KUBERNETES_VALIDATE=${KUBERNETES_VALIDATE:-1.37.0}
STRIMZI=${STRIMZI:-0.48.0}
STRIMZI_CRD_GENERATOR=${STRIMZI_CRD_GENERATOR:-1.2.0}
CNPG=${CNPG:-v1.27.1}
JAVA=${JAVA:-java}
KUSTOMIZE=${KUSTOMIZE:-$root/.run/bin/kustomize}
python=$root/.venv/bin/python
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

kubernetes() {
  python3 -m pip download --quiet --no-deps "kubernetes-validate==$KUBERNETES_VALIDATE" -d "$work"
  local folder="kubernetes_validate/kubernetes-json-schema/v$KUBERNETES_VERSION-local-strict"
  (cd "$work" && unzip -q -o kubernetes_validate-*.whl "$folder/*")
  rm -rf "$here/kubernetes"
  for overlay in "$root"/infra/k8s/overlays/*/; do "$KUSTOMIZE" build "$overlay"; echo ---; done |
    "$python" "$here/vendor.py" kubernetes "$work/$folder"
}

strimzi() {
  cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>lms.tools</groupId><artifactId>strimzi-crds</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>io.strimzi</groupId><artifactId>api</artifactId><version>$STRIMZI</version></dependency>
    <dependency><groupId>io.strimzi</groupId><artifactId>crd-generator</artifactId><version>$STRIMZI_CRD_GENERATOR</version></dependency>
  </dependencies></project>
POM
  (cd "$work" && mvn -q dependency:copy-dependencies -DoutputDirectory=lib)
  local generate=("$JAVA" -cp "$work/lib/*" io.strimzi.crdgenerator.CrdGenerator --target-kube 1.16+
    --crd-api-version v1 --storage-version v1beta2 --yaml)
  "${generate[@]}" --api-versions v1beta2 \
    "io.strimzi.api.kafka.model.kafka.Kafka=$work/kafka.yaml" \
    "io.strimzi.api.kafka.model.nodepool.KafkaNodePool=$work/kafkanodepool.yaml"
  "${generate[@]}" --api-versions v1alpha1,v1beta1,v1beta2 \
    "io.strimzi.api.kafka.model.topic.KafkaTopic=$work/kafkatopic.yaml" \
    "io.strimzi.api.kafka.model.user.KafkaUser=$work/kafkauser.yaml"
  rm -rf "$here/crds/kafka.strimzi.io"
  "$python" "$here/vendor.py" crd "$work"/kafka.yaml "$work"/kafkanodepool.yaml "$work"/kafkatopic.yaml \
    "$work"/kafkauser.yaml
}

cloudnative_pg() {
  local module
  module=$(cd "$work" && go mod download -json "github.com/cloudnative-pg/cloudnative-pg@$CNPG" |
    "$python" -c 'import json, sys; print(json.load(sys.stdin)["Dir"])')
  rm -rf "$here/crds/postgresql.cnpg.io"
  "$python" "$here/vendor.py" crd "$module/config/crd/bases/postgresql.cnpg.io_clusters.yaml"
}

steps=("$@")
[[ ${#steps[@]} -gt 0 ]] || steps=(kubernetes strimzi cloudnative_pg)
for step in "${steps[@]}"; do "$step"; done
