# collective.deliberations — two commands: `make run` and `make test`. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := $(CURDIR)/.venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip install --quiet --disable-pip-version-check -c $(CURDIR)/constraints.txt
HOST ?= 127.0.0.1
PORT ?= 8080
DB ?= filestorage
INSTANCE ?= $(CURDIR)/instance
VAR := $(INSTANCE)/var
PGUSER ?= deliberations
PGPASSWORD ?= deliberations
PGDATABASE ?= deliberations
PGHOST ?= 127.0.0.1
DSN := dbname='$(PGDATABASE)' user='$(PGUSER)' password='$(PGPASSWORD)' host='$(PGHOST)'
# libpq reads these from the environment: here they name the application's role, which reaches Zope through
# $(DSN) only; exported, they would send the administrator's psql (as postgres) to that role and database.
unexport PGUSER PGPASSWORD PGDATABASE PGHOST
PSQL_ADMIN := runuser -u postgres -- env -C /tmp -u PGPORT -u PGSERVICE -u PGOPTIONS psql -X -q -v ON_ERROR_STOP=1 -d postgres

ifeq ($(DB),postgres)
  CONF_NAME := zope-postgres-$(PORT)
  SITE_STAMP := $(VAR)/.demo-site-postgres-$(PGDATABASE)
else ifeq ($(DB),filestorage)
  CONF_NAME := zope
  SITE_STAMP := $(VAR)/filestorage/.demo-site
else
  $(error DB must be filestorage (the default) or postgres, not '$(DB)')
endif
ZOPE_CONF := $(INSTANCE)/etc/$(CONF_NAME).conf
ZOPE_INI := $(INSTANCE)/etc/$(CONF_NAME).ini
PIDFILE := $(VAR)/$(CONF_NAME).pid
URL := http://$(HOST):$(PORT)/Plone

# What the product needs from Debian: PDF tools for collective.documentviewer, OCR, office conversion.
DEB_PACKAGES := qpdf graphicsmagick ghostscript poppler-utils tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng \
	libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui zip \
	libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
DEB_POSTGRES := postgresql
# Browser tests (viewer, accessibility of the public pages): Debian's Chromium and its driver; axe-core from npm.
DEB_TEST := chromium chromium-driver nodejs wfrench

.PHONY: help
help:
	@echo "make run     install everything, create the demo site if missing, serve $(URL) (Ctrl-C stops)"
	@echo "make start   the same in the background; make stop stops it"
	@echo "make site    delete and recreate the demo site (the instance must be stopped)"
	@echo "make test    install the test tools and run the whole suite"
	@echo "make backup  back the database and its files up into $(BACKUPS); make restore [AT=<timestamp>] restores"
	@echo "make smoke   a runtime-only install (no test extra): every module imported, every page and service called once"
	@echo "Options: HOST=$(HOST) PORT=$(PORT) DB=filestorage|postgres"

# ---------------------------------------------------------------- installation

define apt_install
	missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "==> installing Debian packages:" $$missing; \
			export DEBIAN_FRONTEND=noninteractive; \
			apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
		else \
			echo "Missing Debian packages. Run as root, then run make again:"; \
			echo "  sudo apt-get install -y --no-install-recommends" $$missing; \
			exit 1; \
		fi; \
	fi
endef

.PHONY: system-packages
system-packages:
	@$(call apt_install,$(DEB_PACKAGES))

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: install Python 3.11 (Debian 12: apt-get install python3 python3-venv)"; exit 1; }
	@echo "==> creating the virtual environment in .venv"
	@$(PYTHON) -m venv $(VENV) || { echo "venv failed: on Debian, apt-get install python3-venv"; exit 1; }

# The demo (demo/, the distribution collective.deliberations_demo: deliberations-site, deliberations-generate,
# deliberations-mailserver) is installed beside the product for make run and make test; a production install
# (pip install collective.deliberations) does without it.
$(VENV)/.installed: pyproject.toml demo/pyproject.toml constraints.txt | $(BIN)/python
	@echo "==> installing Plone 6.2, collective.deliberations and its demo through constraints.txt (a few minutes the first time)"
	@$(PIP) setuptools wheel hatchling editables
	@$(PIP) --no-build-isolation -e ".[postgres]" -e ./demo
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	@echo "==> installing the test tools"
	@$(PIP) --no-build-isolation -e ".[postgres,test]" -e ./demo
	@touch $@

.PHONY: install
install: system-packages $(VENV)/.installed

# ---------------------------------------------------------------- database

.PHONY: postgres
postgres:
	@$(call apt_install,$(DEB_POSTGRES))
	@if ! pg_isready -q -h $(PGHOST); then \
		if [ "$$(id -u)" = 0 ]; then \
			version=$$(ls /usr/lib/postgresql | sort -V | tail -n 1); \
			echo "==> starting PostgreSQL $$version"; \
			pg_lsclusters -h | grep -q . || pg_createcluster $$version main >/dev/null; \
			pg_ctlcluster $$version main start; \
			for i in $$(seq 30); do pg_isready -q -h $(PGHOST) && break; sleep 1; done; \
		else \
			echo "PostgreSQL does not answer on $(PGHOST). As root: pg_ctlcluster <version> main start"; exit 1; \
		fi; \
	fi
	@if [ "$$(id -u)" = 0 ]; then \
		echo "SELECT 1 FROM pg_roles WHERE rolname = :'role'" | $(PSQL_ADMIN) -tA -v role="$(PGUSER)" | grep -q 1 || \
		{ echo "==> creating the PostgreSQL role $(PGUSER)"; \
		  echo "CREATE ROLE :\"role\" LOGIN CREATEDB PASSWORD :'password'" | \
		  $(PSQL_ADMIN) -v role="$(PGUSER)" -v password="$(PGPASSWORD)" || exit 1; }; \
		echo "SELECT 1 FROM pg_database WHERE datname = :'db'" | $(PSQL_ADMIN) -tA -v db="$(PGDATABASE)" | grep -q 1 || \
		{ echo "==> creating the PostgreSQL database $(PGDATABASE)"; \
		  echo "CREATE DATABASE :\"db\" OWNER :\"role\"" | $(PSQL_ADMIN) -v db="$(PGDATABASE)" -v role="$(PGUSER)" || exit 1; }; \
	fi
	@error=$$(PGPASSWORD="$(PGPASSWORD)" psql -X -q -d "host='$(PGHOST)' user='$(PGUSER)' dbname='$(PGDATABASE)'" -c "SELECT 1" 2>&1 >/dev/null) || \
	{ echo "The role $(PGUSER) cannot connect to the database $(PGDATABASE) on $(PGHOST): $$error"; \
	  echo "If the role existed before with another password, give that one (PGPASSWORD=...) or, as root:"; \
	  echo "  runuser -u postgres -- psql -c \"ALTER ROLE \\\"$(PGUSER)\\\" PASSWORD '...'\""; exit 1; }

# ---------------------------------------------------------------- instance

.PHONY: etc
etc: $(VENV)/.installed
	@$(BIN)/python scripts/instance_config.py --instance $(INSTANCE) --db $(DB) --port $(PORT) --dsn "$(DSN)" >/dev/null

.PHONY: database
ifeq ($(DB),postgres)
database: postgres
else
database:
endif

.PHONY: site-if-missing
site-if-missing: install database etc mailserver
	@if [ ! -f "$(SITE_STAMP)" ]; then \
		DELIBERATIONS_MAIL_PORT=$(MAIL_PORT) $(BIN)/deliberations-site $(ZOPE_CONF) --url http://$(HOST):$(PORT) && touch "$(SITE_STAMP)"; \
	fi

.PHONY: site
site: install database etc mailserver
	@if [ -f $(PIDFILE) ] && kill -0 $$(cat $(PIDFILE)) 2>/dev/null; then \
		echo "The instance is running (pid $$(cat $(PIDFILE))): run make stop first"; exit 1; fi
	@DELIBERATIONS_MAIL_PORT=$(MAIL_PORT) $(BIN)/deliberations-site $(ZOPE_CONF) --recreate --url http://$(HOST):$(PORT) && touch "$(SITE_STAMP)"

define banner
	echo ""; \
	echo "  collective.deliberations serves $(URL)"; \
	echo "  Demo accounts (demo only, never on a real site): admin / admin (Manager);"; \
	echo "  redacteur, redacteur-urba, valideur, secretariat, elu, elu2, archiviste: password demo1234"; \
	echo ""
endef

.PHONY: run
run: site-if-missing
	@$(call banner)
	@echo $$$$ > $(PIDFILE); exec $(BIN)/runwsgi $(ZOPE_INI) http_host=$(HOST) http_port=$(PORT)

.PHONY: start
start: site-if-missing
	@if [ -f $(PIDFILE) ] && kill -0 $$(cat $(PIDFILE)) 2>/dev/null; then \
		echo "Already running (pid $$(cat $(PIDFILE))) on $(URL)"; exit 0; fi; \
	nohup $(BIN)/runwsgi $(ZOPE_INI) http_host=$(HOST) http_port=$(PORT) >$(VAR)/log/$(CONF_NAME).out 2>&1 & \
	echo $$! > $(PIDFILE); \
	echo "==> starting (pid $$(cat $(PIDFILE))), waiting for $(URL)"; \
	for i in $$(seq 180); do \
		if $(BIN)/python -c "import urllib.request; urllib.request.urlopen('$(URL)', timeout=5)" 2>/dev/null; then \
			$(call banner); exit 0; fi; \
		kill -0 $$(cat $(PIDFILE)) 2>/dev/null || { echo "The instance stopped: see $(VAR)/log/$(CONF_NAME).out"; tail -n 20 $(VAR)/log/$(CONF_NAME).out; rm -f $(PIDFILE); exit 1; }; \
		sleep 1; \
	done; echo "No answer after 180 s: see $(VAR)/log/$(CONF_NAME).out"; exit 1

# The demo's SMTP server (convocations; deliberations-mailserver, of the demo distribution): every message kept as a
# .eml file under instance/var/mail/.
# One per MAIL_PORT, shared by the instances of this checkout (the site sends there whichever process runs it):
# make stop stops it with the last instance.
MAIL_HOST := 127.0.0.1
MAIL_PORT ?= 8025
MAIL_DIR := $(VAR)/mail
MAIL_PID := $(VAR)/mailserver-$(MAIL_PORT).pid
MAIL_LOG := $(VAR)/log/mailserver-$(MAIL_PORT).log
mail_answers = $(BIN)/python -c "import socket; socket.create_connection(('$(MAIL_HOST)', $(MAIL_PORT)), 1)" 2>/dev/null

.PHONY: mailserver
mailserver: $(VENV)/.installed
	@mkdir -p $(VAR)/log $(MAIL_DIR)
	@if [ -f $(MAIL_PID) ] && kill -0 $$(cat $(MAIL_PID)) 2>/dev/null; then exit 0; fi; \
	if $(mail_answers); then echo "==> a mail server answers on $(MAIL_HOST):$(MAIL_PORT) already"; exit 0; fi; \
	nohup $(BIN)/deliberations-mailserver $(MAIL_DIR) --host $(MAIL_HOST) --port $(MAIL_PORT) >$(MAIL_LOG) 2>&1 & \
	echo $$! > $(MAIL_PID); \
	for i in $$(seq 50); do \
		$(mail_answers) && { echo "==> mail server on $(MAIL_HOST):$(MAIL_PORT), messages in $(MAIL_DIR)"; exit 0; }; \
		sleep 0.2; \
	done; echo "The mail server did not start: see $(MAIL_LOG)"; exit 1

.PHONY: stop
stop:
	@if [ -f $(PIDFILE) ] && kill -0 $$(cat $(PIDFILE)) 2>/dev/null; then \
		pid=$$(cat $(PIDFILE)); kill $$pid; \
		for i in $$(seq 30); do kill -0 $$pid 2>/dev/null || break; sleep 1; done; \
		rm -f $(PIDFILE); echo "stopped (pid $$pid)"; \
	else rm -f $(PIDFILE); echo "not running"; fi
	@others=$$(for f in $(VAR)/*.pid; do case $$f in $(VAR)/mailserver*.pid) continue;; esac; \
		[ -f "$$f" ] && kill -0 $$(cat "$$f") 2>/dev/null && basename "$$f" .pid; done); \
	if [ -n "$$others" ]; then echo "the mail server stays for the instances still running:" $$others; \
	elif [ -f $(MAIL_PID) ] && kill -0 $$(cat $(MAIL_PID)) 2>/dev/null; then kill $$(cat $(MAIL_PID)); rm -f $(MAIL_PID); fi

# ---------------------------------------------------------------- backup

# FileStorage: repozo and a snapshot of the blobs; PostgreSQL: pg_dump (the blobs are in the database).
BACKUPS ?= $(VAR)/backups
BACKUP_SCRIPT := $(BIN)/python scripts/backup.py --instance $(INSTANCE) --backups $(BACKUPS) \
	$(if $(filter postgres,$(DB)),--dsn "$(DSN)")

.PHONY: backup
backup: $(VENV)/.installed database
	@$(BACKUP_SCRIPT) backup

.PHONY: restore
restore: $(VENV)/.installed database
	@$(BACKUP_SCRIPT) restore $(if $(AT),--at "$(AT)")

# ---------------------------------------------------------------- tests

.PHONY: test-tools
test-tools:
	@$(call apt_install,$(DEB_TEST))
	@command -v npm >/dev/null || { $(call apt_install,npm); }
	@if [ ! -f node_modules/.package-lock.json ] || [ package.json -nt node_modules/.package-lock.json ]; then \
		echo "==> installing the npm test tools (axe-core)"; npm install --no-audit --no-fund --silent; fi

.PHONY: test
test: system-packages $(VENV)/.installed-test postgres test-tools
	@echo "==> running the test suite"
	@DELIBERATIONS_PG_DSN="$(DSN)" $(BIN)/pytest $(PYTEST_ARGS)

# What `make test` cannot see (it installs the test extra): a runtime-only environment, the demo site served, every
# view and REST service of the product called once; fails on any 500 or import error (scripts/smoke_runtime.py).
.PHONY: smoke
smoke: system-packages
	@$(PYTHON) scripts/smoke_runtime.py

LOCALES := src/collective/deliberations/locales
.PHONY: i18n
i18n: $(VENV)/.installed  ## rebuild the .pot from the code and templates, add new msgids to the .po files
	@$(PIP) i18ndude
	@$(BIN)/i18ndude rebuild-pot --pot $(LOCALES)/collective.deliberations.pot --create collective.deliberations src/collective/deliberations
	@$(BIN)/i18ndude sync --pot $(LOCALES)/collective.deliberations.pot $(LOCALES)/*/LC_MESSAGES/collective.deliberations.po
	@echo "Now translate the empty msgstr of $(LOCALES)/fr/LC_MESSAGES/collective.deliberations.po"

.PHONY: pins
pins:
	@$(PYTHON) scripts/pins.py

.PHONY: clean
clean: stop
	rm -rf $(VENV) $(INSTANCE)/etc
