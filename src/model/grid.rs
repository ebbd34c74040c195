//! The grid of a run: which ensembles, scales and widths, and the cells they make, each checked
//! against every rule that ties them together (a method's ensembles and widths, a scale's
//! definition at a width, the range of scales a precision represents).

use super::ensemble::Ensemble;
use super::error::{ConfigError, Param};
use super::method::Method;
use super::precision::Precision;
use super::ring::Ring;
use super::scale::Scale;
use super::widths::check_width;
use serde::{Deserialize, Serialize};

/// Which matrices a job samples: every ensemble x scale x width.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Grid {
    pub widths: Vec<usize>,
    /// `diag-uniform` carries its ring in the ensemble itself.
    pub ensembles: Vec<Ensemble>,
    pub scales: Vec<Scale>,
}

impl Grid {
    /// Sets the ring of `diag-uniform`; refused when that ensemble is not in the grid.
    pub fn set_ring(&mut self, ring: Ring) -> Result<(), ConfigError> {
        let mut used = false;
        for e in &mut self.ensembles {
            if let Ensemble::DiagUniform { r_min, r_max } = e {
                (*r_min, *r_max) = (ring.r_min, ring.r_max);
                used = true;
            }
        }
        if !used {
            return Err(ConfigError::new(
                Param::Ring,
                "the ring applies only to the diag-uniform ensemble, which is not selected",
            ));
        }
        Ok(())
    }

    /// Every ensemble x scale x width cell, in output order, or the first rule a cell breaks.
    pub fn cells(&self, method: Method, precision: Precision) -> Result<Vec<Cell>, ConfigError> {
        let mut cells = Vec::new();
        for &ensemble in &self.ensembles {
            for &scale in &self.scales {
                for &n in &self.widths {
                    cells.push(Cell::new(ensemble, scale, n, method, precision)?);
                }
            }
        }
        Ok(cells)
    }
}

/// One cell of a plan: an ensemble at one scale and width, sampled by one method.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cell {
    pub ensemble: Ensemble,
    pub scale: Scale,
    pub factor: f64,
    pub n: usize,
    pub method: Method,
    pub precision: Precision,
}

impl Cell {
    /// The cell, or the first rule it breaks: the method must sample the ensemble exactly, in a
    /// precision it has; the width must lie in the range of every job; the scale must be defined at the width; and the
    /// numbers a draw computes with (the factor times the ensemble's natural radius) must lie
    /// in the range the precision represents.
    pub fn new(
        ensemble: Ensemble,
        scale: Scale,
        n: usize,
        method: Method,
        precision: Precision,
    ) -> Result<Cell, ConfigError> {
        if !method.supports(ensemble) {
            return Err(ConfigError::new(
                Param::Method,
                format!(
                    "method '{}' cannot sample {}; {} (use --method dense)",
                    method.name(),
                    ensemble.name(),
                    match method {
                        Method::Kostlan => {
                            "it is exact for complex- and quaternion-ginibre only"
                        }
                        _ => "the Hessenberg model holds for complex- and real-ginibre only",
                    }
                ),
            ));
        }
        if method == Method::Kostlan && precision != Precision::F64 {
            return Err(ConfigError::new(
                Param::Precision,
                "the kostlan method draws no matrix, so it has no precision to choose; use \
                 method dense or hessenberg for f32",
            ));
        }
        // Widths read back from a manifest meet the same range as those typed.
        check_width(n)?;
        let factor = scale.factor(ensemble, n)?;
        let size = factor * ensemble.natural_radius();
        let (lo, hi) = precision.scale_range();
        if !(lo..=hi).contains(&size) {
            // Blame the ring where the factor alone is fine.
            let (param, what) = match ensemble {
                Ensemble::DiagUniform { r_max, .. } if (lo..=hi).contains(&factor) => (
                    Param::Ring,
                    format!("r_max {r_max:e} times scale factor {factor:e}"),
                ),
                _ => (Param::Scale, format!("scale factor {factor:e}")),
            };
            return Err(ConfigError::new(
                param,
                format!(
                    "{what} at width {n} gives matrices of size {size:e}, outside \
                     [{lo:e}, {hi:e}], the range in which {} draws neither underflow nor \
                     overflow; radii scale exactly (rho(sW) = s rho(W)), so multiply a \
                     glorot-scale result instead",
                    precision.name()
                ),
            ));
        }
        Ok(Cell {
            ensemble,
            scale,
            factor,
            n,
            method,
            precision,
        })
    }

    /// How far above 1 a sampled radius or modulus must lie to count as outside the unit
    /// circle: the rounding tolerance of the precision eigenvalues are computed in; none for
    /// Kostlan's sampler, which compares exact draws.
    pub fn outside_tolerance(&self) -> f64 {
        match self.method {
            Method::Kostlan => 0.0,
            Method::Dense | Method::Hessenberg => {
                self.precision.outside_tolerance(self.matrix_dim())
            }
        }
    }

    /// The size of the matrix a draw of this cell is held in ([`Ensemble::matrix_dim`]).
    pub fn matrix_dim(&self) -> usize {
        self.ensemble.matrix_dim(self.n)
    }
}
