"""One configuration of the Python side of scripts/bench.sh: the transformers
token-classification pipeline over a JSON Lines file of {"id", "text"} documents.

Prints one JSON object on stdout: documents, seconds (model loaded, all documents),
load_seconds, peak_rss_mib (this process, from getrusage), entities found.

usage: python ner_python.py MODEL_DIR DOCS.jsonl THREADS BATCH_SIZE|default
"""

import json
import resource
import sys
import time
import warnings


def main() -> None:
    model_dir, docs_path, threads, batch = sys.argv[1:5]
    t0 = time.perf_counter()
    import torch
    from transformers import pipeline

    torch.set_num_threads(int(threads))
    warnings.filterwarnings("ignore")
    texts = [json.loads(line)["text"] for line in open(docs_path, encoding="utf-8")]
    # stride: read whole documents in overlapping windows of model_max_length (256)
    # sub-words, 64 shared, as sitrep does; without it the pipeline silently cuts
    # each document at 256 sub-words.
    ner = pipeline(
        "token-classification",
        model=model_dir,
        tokenizer=model_dir,
        aggregation_strategy="simple",
        stride=64,
        device=-1,
    )
    ner(texts[0])  # warm-up, as on the Rust side
    load_seconds = time.perf_counter() - t0
    kwargs = {} if batch == "default" else {"batch_size": int(batch)}
    started = time.perf_counter()
    with torch.inference_mode():
        out = ner(texts, **kwargs)
    seconds = time.perf_counter() - started
    rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "config": f"batch_size={batch}",
                "documents": len(texts),
                "seconds": seconds,
                "load_seconds": load_seconds,
                "peak_rss_mib": rss_mib,
                "entities": sum(len(d) for d in out),
                "threads": torch.get_num_threads(),
            }
        )
    )


if __name__ == "__main__":
    main()
