"""Export sitrep's NER model folder as a stock Hugging Face BertForTokenClassification folder.

Used only by scripts/bench.sh, so that the transformers pipeline runs the same weights.
The casing embedding (`casing.weight`, added to the input embeddings by sitrep) has no
place in the stock class and is left out: the Python model computes everything else
exactly (the cost of that one embedding add is negligible), but its labels are those
of the model without casing, so its entities differ from sitrep's.

usage: python export_hf.py MODEL_DIR OUT_DIR
"""

import json
import shutil
import sys
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file


def main() -> None:
    src, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    config = json.loads((src / "config.json").read_text())
    sitrep = config.pop("sitrep", {})
    config["architectures"] = ["BertForTokenClassification"]
    config["torch_dtype"] = "float32"
    (out / "config.json").write_text(json.dumps(config, indent=2))

    weights = load_file(str(src / "model.safetensors"))
    dropped = [k for k in weights if not (k.startswith("bert.") or k.startswith("classifier."))]
    kept = {k: v.to(torch.float32).contiguous() for k, v in weights.items() if k not in dropped}
    save_file(kept, str(out / "model.safetensors"), metadata={"format": "pt"})

    shutil.copy(src / "tokenizer.json", out / "tokenizer.json")
    max_length = int(sitrep.get("max_length") or config.get("max_position_embeddings", 512))
    tok_config = {
        "tokenizer_class": "BertTokenizer",
        "do_lower_case": True,
        "model_max_length": max_length,
        "unk_token": "[UNK]",
        "sep_token": "[SEP]",
        "pad_token": "[PAD]",
        "cls_token": "[CLS]",
        "mask_token": "[MASK]",
    }
    (out / "tokenizer_config.json").write_text(json.dumps(tok_config, indent=2))
    print(
        f"exported {len(kept)} tensors to {out} (left out: {', '.join(dropped) or 'nothing'}); "
        f"window {max_length} sub-words",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
