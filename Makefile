# NET Trials Assistant. `make run` and `make test` work from a clean clone; both are
# idempotent and quick the second time (nothing reinstalled or retrained when unchanged).
PY := .venv/bin/python
# Which machine's packages `make setup` installs (scripts/setup.sh): dev (everything, the tests'
# tools too), rasa (the Rasa server and website), actions (the action server), or "rasa actions"
# for one machine that runs both without the tests (`make run ROLE="rasa actions"`, `make prod ...`).
ROLE ?= dev
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

.PHONY: help setup browser services load-tools db nlp model run prod shell test bench profile nlu-report understanding-report fit-report criteria-report followups-report clean

help:
	@echo "make run    set everything up, then run the assistant (Ctrl-C stops it)"
	@echo "make setup ROLE=rasa|actions|dev  only the packages one machine needs (dev, the default: all)"
	@echo "make test   set everything up, then run all the tests"
	@echo "make prod   the production set-up on this machine: PostgreSQL, Redis, two Rasa instances, nginx"
	@echo "make shell  chat with the assistant in the terminal"
	@echo "make bench  the registry-scale and conversation-load benchmarks (write docs/benchmarks.md)"
	@echo "make profile  where a message's processor time goes, stage by stage (docs/benchmarks.md explains)"
	@echo "make nlu-report  5-fold cross-validation of the NLU (writes docs/nlu-report.md; slow)"
	@echo "make understanding-report  profile and fitting-search figures on the development set (docs/understanding-report.md)"
	@echo "make criteria-report  plain-English criteria: reading grade, guards, template coverage, the labelled rewrite set (docs/criteria-report.md)"
	@echo "make followups-report  follow-up, comparison and mixed questions through the real servers (docs/followups-report.md)"

setup:
	@bash scripts/setup.sh $(ROLE)

browser:
	@bash scripts/setup-browser.sh

# nginx, PostgreSQL and Redis for the production set-up and its tests (installed/started if missing).
services:
	@bash scripts/setup-prod.sh

# Locust for the load benchmark, in its own venv (.venv-load), apart from Rasa's pins.
load-tools:
	@bash scripts/setup-load.sh

db: setup
	@$(PY) -m bot trials init --if-missing

nlp: db
	@$(PY) -m bot nlp build

model: nlp
	@$(PY) -m bot model train

run: model
	@bash scripts/run.sh

prod: model services
	@$(PY) -m bot prod up

shell: model
	@bash scripts/shell.sh

test: model browser services load-tools
	@$(PY) -m pytest

bench: model services load-tools
	@$(PY) -m scripts.bench
	@$(PY) -m scripts.load_bench

profile: model
	@$(PY) -m scripts.profile_message

nlu-report: nlp
	@$(PY) -m scripts.nlu_report

understanding-report: db
	@$(PY) -m scripts.understanding_report

fit-report: setup
	@$(PY) -m scripts.fit_report

criteria-report: setup
	@$(PY) -m scripts.criteria_report

followups-report: model
	@$(PY) -m scripts.followups_report

clean:
	rm -rf var models results .pytest_cache
