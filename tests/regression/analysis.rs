//! Regression cases of the analysis: decoding, spans, bounds on size and time.
