# LMS suite. `make run` starts everything; `make test` runs every test. Both set up what
# they need on a fresh machine (uv, the Python workspace, the Kafka jars, PostgreSQL).
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

export LMS_RUN_DIR ?= $(CURDIR)/.run
BOOTSTRAP_UV := $(LMS_RUN_DIR)/bootstrap/bin/uv
UV := $(or $(shell command -v uv 2>/dev/null),$(BOOTSTRAP_UV))
PY := $(CURDIR)/.venv/bin/python
SUB ?= alice
ROLES ?= learner
NAME ?=

.PHONY: help
help: ## list the targets
	@grep -E '^[a-z][a-z-]*:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(BOOTSTRAP_UV):
	@echo "uv not found: installing it with pip into $(LMS_RUN_DIR)/bootstrap" >&2
	python3 -m venv $(LMS_RUN_DIR)/bootstrap
	$(LMS_RUN_DIR)/bootstrap/bin/pip install --quiet uv

.venv/.synced: uv.lock pyproject.toml $(wildcard */pyproject.toml */*/pyproject.toml) | $(UV)
	$(UV) sync --locked --all-packages --quiet
	@touch $@

.PHONY: sync
sync: .venv/.synced ## install the workspace (uv sync --locked)

.PHONY: kafka-up
kafka-up: sync ## start the local Kafka broker (KRaft) and create the topics
	infra/kafka/kafka.sh start

.PHONY: kafka-down
kafka-down: ## stop the local Kafka broker
	infra/kafka/kafka.sh stop

.PHONY: kafka-acls
kafka-acls: sync ## print the ACLs the local broker runs with (kafka-acls --list style)
	infra/kafka/kafka.sh acls

.PHONY: kafka-cluster-up
kafka-cluster-up: sync ## start the local three-node Kafka cluster (19192-19194) and create the topics
	KAFKA_CLUSTER=1 infra/kafka/kafka.sh start

.PHONY: kafka-cluster-down
kafka-cluster-down: ## stop the local three-node Kafka cluster
	KAFKA_CLUSTER=1 infra/kafka/kafka.sh stop

.PHONY: kafka-test-down
kafka-test-down: ## stop the broker the tests started (port 19092, or LMS_TEST_KAFKA_PORT)
	KAFKA_PORT=$${LMS_TEST_KAFKA_PORT:-19092} KAFKA_DIR=$(LMS_RUN_DIR)/kafka-test infra/kafka/kafka.sh stop

.PHONY: test-down
test-down: kafka-test-down ## stop what the tests started: their broker, PostgreSQL (55439) and Redis (56379), or the LMS_TEST_* ports
	PG_PORT=$${LMS_TEST_PG_PORT:-55439} infra/postgres/pg.sh stop
	REDIS_PORT=$${LMS_TEST_REDIS_PORT:-56379} infra/redis/redis.sh stop

.PHONY: pg-up
pg-up: ## start the private PostgreSQL cluster (port 55432)
	infra/postgres/pg.sh start

.PHONY: pg-down
pg-down: ## stop the private PostgreSQL cluster
	infra/postgres/pg.sh stop

.PHONY: redis-up
redis-up: ## start the private Redis (port 56379) for LMS_RATE_LIMIT_STORAGE=redis://127.0.0.1:56379/0
	infra/redis/redis.sh start

.PHONY: redis-down
redis-down: ## stop the private Redis
	infra/redis/redis.sh stop

$(LMS_RUN_DIR)/jwt-secret: | .venv/.synced
	@mkdir -p $(LMS_RUN_DIR)
	@$(PY) -c 'import secrets; print(secrets.token_urlsafe(48))' > $@ && chmod 600 $@

.PHONY: token
token: sync $(if $(LMS_JWT_SECRET),,$(LMS_RUN_DIR)/jwt-secret) ## print a dev JWT: make token SUB=alice ROLES=learner[,author,hr,admin]
	@LMS_ENV=dev $(PY) -m lms.tools.cli token --sub "$(SUB)" --roles "$(ROLES)" --name "$(NAME)"

# The JavaScript side (clients/ts, examples/learner-web): one npm workspace, installed from the lock.
node_modules/.installed: package.json package-lock.json clients/ts/package.json examples/learner-web/package.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

.PHONY: node-deps
node-deps: node_modules/.installed ## install the npm workspace (npm ci)

.PHONY: clients
clients: sync node-deps ## regenerate clients/openapi.json, the TypeScript and the Python client
	UV=$(UV) clients/generate.sh clients

.PHONY: clients-check
clients-check: sync node-deps ## fail when `make clients` would change what is committed
	rm -rf $(LMS_RUN_DIR)/clients-check
	UV=$(UV) clients/generate.sh $(LMS_RUN_DIR)/clients-check >/dev/null
	diff -ru clients/openapi.json $(LMS_RUN_DIR)/clients-check/openapi.json
	diff -ru clients/ts/src/schema.d.ts $(LMS_RUN_DIR)/clients-check/ts/src/schema.d.ts
	diff -ru -x __pycache__ -x .ruff_cache clients/python $(LMS_RUN_DIR)/clients-check/python
	@echo "clients are current"

# The reference learner app, built once into .run/learner-web (again only when its sources change);
# the gateway serves it at /learn/.
LEARNER_WEB_SOURCES := $(shell find examples/learner-web/src clients/ts/src -type f 2>/dev/null) \
  examples/learner-web/index.html examples/learner-web/vite.config.ts examples/learner-web/package.json
$(LMS_RUN_DIR)/learner-web/index.html: node_modules/.installed $(LEARNER_WEB_SOURCES)
	LMS_LEARN_OUT=$(LMS_RUN_DIR)/learner-web npm run build --silent --workspace @lms/learner-web

.PHONY: learner-web
learner-web: $(LMS_RUN_DIR)/learner-web/index.html ## build the reference learner app (served at /learn/)

.PHONY: lint
lint: sync lint-k8s clients-check ## ruff, import contracts, declared dependencies, Kubernetes manifests, generated clients
	$(UV) run --locked ruff check .
	$(UV) run --locked ruff format --check .
	$(UV) run --locked lint-imports --no-cache
	$(UV) run --locked python infra/lint/dependencies.py

# kustomize and kubeconform, built once from the Go module proxy into .run/bin (needs `go`).
KUSTOMIZE := $(LMS_RUN_DIR)/bin/kustomize
KUBECONFORM := $(LMS_RUN_DIR)/bin/kubeconform
$(KUSTOMIZE):
	GOBIN=$(LMS_RUN_DIR)/bin go install sigs.k8s.io/kustomize/kustomize/v5@v5.8.1
$(KUBECONFORM):
	GOBIN=$(LMS_RUN_DIR)/bin go install github.com/yannh/kubeconform/cmd/kubeconform@v0.7.0

.PHONY: k8s-tools
k8s-tools: $(KUSTOMIZE) $(KUBECONFORM) ## build kustomize and kubeconform into .run/bin

.PHONY: lint-k8s
lint-k8s: k8s-tools ## render every overlay of infra/k8s and validate it against the vendored schemas
	KUSTOMIZE=$(KUSTOMIZE) KUBECONFORM=$(KUBECONFORM) infra/k8s/lint.sh

.PHONY: test
test: sync ## run every test against a real Kafka broker and PostgreSQL
	infra/kafka/kafka.sh fetch
	$(UV) run --locked pytest -m "not cluster" $(PYTEST_ARGS)

.PHONY: test-cluster
test-cluster: sync ## the replicated suite on the three-node Kafka cluster, with brokers and replicas killed
	infra/kafka/kafka.sh fetch
	$(UV) run --locked pytest -m cluster tests/fault $(PYTEST_ARGS)

.PHONY: fuzz
fuzz: sync ## only the schemathesis runs (make test includes them), as learner, author and HR
	infra/kafka/kafka.sh fetch
	$(UV) run --locked pytest -m fuzz tests/fuzz $(PYTEST_ARGS)

.PHONY: test-unit
test-unit: sync ## only the tests that need no broker or database
	$(UV) run --locked pytest -m "not integration" $(PYTEST_ARGS)

.PHONY: bench
# every script of bench/ (load.py and suite.py are their helpers); the journey and SCIM provisioning
# start their own `make run` suite
BENCHES := $(filter-out journey load scim suite,$(basename $(notdir $(wildcard bench/*.py))))
bench: sync ## run every benchmark (each prints its figures and a ratio to a same-run baseline)
	infra/kafka/kafka.sh fetch
	for b in $(BENCHES); do echo "== bench/$$b.py"; LMS_ENV=dev $(PY) bench/$$b.py; done
	echo "== bench/scim.py --start-suite"; LMS_ENV=dev $(PY) bench/scim.py --start-suite
	echo "== bench/journey.py --start-suite"; LMS_ENV=dev $(PY) bench/journey.py --start-suite

.PHONY: demo
demo: sync ## the suite's story in the terminal (against a running `make run`)
	LMS_ENV=dev $(PY) -m lms.tools.demo

.PHONY: run
run: sync learner-web ## start the whole suite: Kafka, every service process, the learner app at /learn/ (KAFKA_CLUSTER=1: on three brokers)
	infra/run.sh

.PHONY: clean
clean: kafka-down kafka-test-down kafka-cluster-down ## stop local servers and delete .run/ (data included)
	rm -rf $(LMS_RUN_DIR)
