# Two commands do everything on a fresh machine:
#   make run    set up .venv, build index/ from corpus/, start the app on http://127.0.0.1:8501
#   make test   set up .venv (and headless Chromium for the browser tests), run the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
STAMP := $(VENV)/.installed

.PHONY: install index run serve test test-fast lint eval eval-heldout heldout-index misses train-selector train-reader fit-reading bench bench-scale bench-embed bench-api soak answer-stage browser ocr clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# CPU torch first (the file lies on disk here); otherwise pip pulls a multi-GB CUDA build.
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

index: $(STAMP) ocr
	$(BIN)/archive index corpus

run: index
	$(BIN)/archive serve --port $(PORT)

serve: run

browser:
	bash scripts/install-browser.sh

# Debian's tesseract-ocr, for PDF pages with no text layer (scanned papers)
ocr:
	bash scripts/install-ocr.sh

test: $(STAMP) browser ocr
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow and not browser"

lint: $(STAMP)
	$(BIN)/ruff check archive tests app.py benchmarks

eval: index
	$(BIN)/archive eval eval/questions.jsonl --mode all
	$(BIN)/archive eval tests/data/questions_extra.jsonl --mode all

# Our own question sets: the shipped papers beside three invented councils' papers, indexed together.
HELDOUT_CORPUS := index-heldout-corpus
HELDOUT_INDEX := index-heldout
HELDOUT_SETS := $(notdir $(patsubst %/,%,$(dir $(wildcard eval/heldout/*/questions.jsonl))))
# the shipped papers' set first, as the README's tables (the order of the questions is the order of LightGBM's rows)
HELDOUT_FILES := $(foreach set,herefordshire $(filter-out herefordshire,$(HELDOUT_SETS)),eval/heldout/$(set)/questions.jsonl)

heldout-index: $(STAMP)
	rm -rf $(HELDOUT_CORPUS) && $(BIN)/python eval/heldout/assemble.py $(HELDOUT_CORPUS)
	$(BIN)/archive index $(HELDOUT_CORPUS) --index-dir $(HELDOUT_INDEX) -q

eval-heldout: heldout-index
	for set in $(HELDOUT_SETS); do \
	  $(BIN)/archive eval eval/heldout/$$set/questions.jsonl --index-dir $(HELDOUT_INDEX) --mode all; done

# Misses by class on every held-out set (README, "Misses by class"; archive/evaluate/misses.py): the
# shipped selector's answers, then answers held out by council (the councils dealt into four sets, each
# answered by a selector fitted on the others). Builds the held-out index only when it is absent.
# OMP_WAIT_POLICY=PASSIVE: LightGBM's threads sleep instead of spinning when the cores are busy.
misses: $(STAMP)
	test -e $(HELDOUT_INDEX)/CURRENT || $(MAKE) heldout-index
	$(BIN)/archive eval $(HELDOUT_FILES) --index-dir $(HELDOUT_INDEX) --misses
	OMP_WAIT_POLICY=PASSIVE $(BIN)/archive eval $(HELDOUT_FILES) --index-dir $(HELDOUT_INDEX) --misses \
	  --cross-validate --folds 4

# Cross-validated by council, then trained on everything: archive/ask/models/answer_selector.*
train-selector: $(STAMP)
	OMP_WAIT_POLICY=PASSIVE $(BIN)/python benchmarks/train_selector.py

# The reader (archive/ask/select/reader.py): generated examples over invented councils, then at most
# READER_MINUTES of fine-tuning MiniLM's lower layers, exported as int8 ONNX into archive/ask/models/;
# then refit the second look (weight, calibration, precision-first threshold) held out by council.
READER_MINUTES ?= 25
READER_DATA := reader-data.jsonl
train-reader: $(STAMP)
	$(BIN)/python benchmarks/reader_data.py $(READER_DATA)
	$(BIN)/python benchmarks/train_reader.py $(READER_DATA) --minutes $(READER_MINUTES)

# Needs the held-out index (make heldout-index): writes archive/ask/models/reading.json
fit-reading: $(STAMP)
	OMP_WAIT_POLICY=PASSIVE $(BIN)/python benchmarks/fit_reading.py --index-dir $(HELDOUT_INDEX) --cache reading-examples.pkl

bench: index
	$(BIN)/python benchmarks/search_speed.py

# Generated council corpora of 100k and 1M chunks: build, ask/search latencies (each filter), memory,
# against the naive stack on the same chunks; writes benchmarks/results/scale.{json,md}. About 2 hours.
SCALE_SIZES ?= 100000,1000000
bench-scale: $(STAMP)
	$(BIN)/python benchmarks/bench_scale.py --sizes $(SCALE_SIZES)

# The real model's embedding speed: sentence-transformers against ONNX Runtime (fp32, int8).
bench-embed: index
	$(BIN)/python benchmarks/embed_speed.py

# The HTTP API under load: 50 clients x 60 s, paced and saturated, cache on and off, API_PROCESSES server
# processes; about 8 minutes
API_PROCESSES ?= 2
bench-api: $(STAMP)
	$(BIN)/python benchmarks/bench_api.py --processes $(API_PROCESSES)

# Faults under load: 20 clients for SOAK_SECONDS while a new generation is swapped in and a server process is
# SIGKILLed (benchmarks/soak.py; loopback only); writes benchmarks/results/soak.{json,md}
SOAK_SECONDS ?= 300
soak: $(STAMP)
	$(BIN)/python benchmarks/soak.py --duration $(SOAK_SECONDS)

# Where one fresh answer's time goes, step by step (benchmarks/answer_stage.py), over the dev questions
answer-stage: index
	$(BIN)/python benchmarks/answer_stage.py --index-dir index --profile benchmarks/results/answer_profile.txt

clean:
	rm -rf $(VENV) index .pytest_cache $(HELDOUT_CORPUS) $(HELDOUT_INDEX)
