//! Counts and ratios shared by the scorers against real gold (`real_gold.rs`,
//! `real_gold_structure.rs`), included by path so that other tests do not carry them.

/// Right, wrong and missed items of one field.
#[derive(Default, Clone, Copy)]
pub struct Score {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Score {
    pub fn add(&mut self, o: Score) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// `NAME  P 0.950  R 0.900  F1 0.924  (19 right, 1 wrong, 2 missed)`, the name padded to
    /// `width`. (Included by path: not every scorer prints these lines.)
    #[allow(dead_code)]
    pub fn line(&self, name: &str, width: usize) -> String {
        format!(
            "{name:<width$} P {:.3}  R {:.3}  F1 {:.3}  ({} right, {} wrong, {} missed)",
            self.precision(),
            self.recall(),
            self.f1(),
            self.tp,
            self.fp,
            self.fn_
        )
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// `a / b`, and 1 where there is nothing to count.
pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}
