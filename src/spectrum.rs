//! Eigenvalues of sampled matrices with faer, sequential inside a trial (parallelism lives at the
//! trial level), with the matrix, eigenvalue buffer and scratch allocated once per worker.

use faer::diag::Diag;
use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::evd::{self, ComputeEigenvectors};
use faer::{c64, Mat, MatRef, Par};

use crate::ensemble::Entry;

/// Spectral radius and the number of eigenvalues strictly outside the unit circle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RadiusRecord {
    pub rho: f64,
    pub n_outside: usize,
}

impl RadiusRecord {
    pub fn from_moduli(moduli: impl Iterator<Item = f64>) -> Self {
        let mut rho = 0.0f64;
        let mut n_outside = 0;
        for m in moduli {
            rho = rho.max(m);
            n_outside += usize::from(m > 1.0);
        }
        RadiusRecord { rho, n_outside }
    }
}

/// Why eigenvalues could not be computed: faer's QR iteration did not converge, or the matrix held
/// a non-finite entry. Reported to the user, never turned into a panic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoConvergence;

/// Shifts per sweep of faer's multishift QR. faer's defaults (32 at n = 256, 64 at n = 1024) are
/// tuned for parallel runs; one matrix per thread runs faster with fewer. Measured with
/// `examples/evd_params.rs`, single thread, AMD EPYC (AVX2): real n = 1024 681 ms -> 450 ms,
/// real n = 256 19.6 ms -> 15.5 ms, complex n = 256 41 ms -> 34 ms, complex n = 1024 unchanged.
extern "C" fn shift_count(n: usize, _active: usize) -> usize {
    match n {
        0..30 => 2,
        30..60 => 4,
        60..150 => 8,
        150..590 => 16,
        590..3000 => 24,
        3000..6000 => 64,
        _ => 128,
    }
}

/// Aggressive-early-deflation window matching [`shift_count`] (LAPACK's rule: equal to the shift
/// count up to n = 500, one and a half times it above).
extern "C" fn deflation_window(n: usize, active: usize) -> usize {
    let s = shift_count(n, active);
    if n <= 500 {
        s
    } else {
        3 * s / 2
    }
}

/// faer's eigenvalue parameters with the sequential shift strategy above.
pub fn evd_params<T: faer::traits::ComplexField>() -> evd::EvdParams {
    let mut p: evd::EvdParams = faer::Auto::<T>::auto();
    p.schur.recommended_shift_count = shift_count;
    p.schur.recommended_deflation_window = deflation_window;
    p
}

/// An entry type whose dense eigenvalues faer computes.
pub trait Eigen: Entry + faer::traits::ComplexField {
    fn scratch(n: usize) -> faer::dyn_stack::StackReq;
    /// Writes the eigenvalue moduli of `a` into `moduli`.
    fn moduli_into(
        a: MatRef<'_, Self>,
        moduli: &mut [f64],
        work: &mut Diag<Self>,
        work_im: &mut Diag<f64>,
        stack: &mut MemStack,
    ) -> Result<(), NoConvergence>;
}

impl Eigen for f64 {
    fn scratch(n: usize) -> faer::dyn_stack::StackReq {
        evd::evd_scratch::<f64>(
            n,
            ComputeEigenvectors::No,
            ComputeEigenvectors::No,
            Par::Seq,
            evd_params::<Self>().into(),
        )
    }

    fn moduli_into(
        a: MatRef<'_, f64>,
        moduli: &mut [f64],
        work: &mut Diag<f64>,
        work_im: &mut Diag<f64>,
        stack: &mut MemStack,
    ) -> Result<(), NoConvergence> {
        evd::evd_real(
            a,
            work.as_mut(),
            work_im.as_mut(),
            None,
            None,
            Par::Seq,
            stack,
            evd_params::<f64>().into(),
        )
        .map_err(|_| NoConvergence)?;
        let re = work.column_vector();
        let im = work_im.column_vector();
        for (i, m) in moduli.iter_mut().enumerate() {
            *m = re[i].hypot(im[i]);
        }
        Ok(())
    }
}

impl Eigen for c64 {
    fn scratch(n: usize) -> faer::dyn_stack::StackReq {
        evd::evd_scratch::<c64>(
            n,
            ComputeEigenvectors::No,
            ComputeEigenvectors::No,
            Par::Seq,
            evd_params::<Self>().into(),
        )
    }

    fn moduli_into(
        a: MatRef<'_, c64>,
        moduli: &mut [f64],
        work: &mut Diag<c64>,
        _work_im: &mut Diag<f64>,
        stack: &mut MemStack,
    ) -> Result<(), NoConvergence> {
        evd::evd_cplx(
            a,
            work.as_mut(),
            None,
            None,
            Par::Seq,
            stack,
            evd_params::<c64>().into(),
        )
        .map_err(|_| NoConvergence)?;
        let s = work.column_vector();
        for (i, m) in moduli.iter_mut().enumerate() {
            *m = s[i].norm();
        }
        Ok(())
    }
}

/// Everything one worker needs to compute the spectrum of `n x n` matrices, allocated once.
pub struct DenseWorkspace<T: Eigen> {
    pub matrix: Mat<T>,
    pub moduli: Vec<f64>,
    eig: Diag<T>,
    eig_im: Diag<f64>,
    scratch: MemBuffer,
}

impl<T: Eigen> DenseWorkspace<T> {
    pub fn new(n: usize) -> Self {
        DenseWorkspace {
            matrix: Mat::zeros(n, n),
            moduli: vec![0.0; n],
            eig: Diag::zeros(n),
            eig_im: Diag::zeros(n),
            scratch: MemBuffer::new(T::scratch(n)),
        }
    }

    /// Bytes one workspace holds for width `n`, to refuse widths that cannot fit in memory.
    pub fn bytes(n: usize) -> u128 {
        let elem = std::mem::size_of::<T>() as u128;
        let n = n as u128;
        let scratch = T::scratch(n as usize).size_bytes() as u128;
        n * n * elem + scratch + n * (elem + 16)
    }

    /// Eigenvalue moduli of the matrix currently held, left in `self.moduli`.
    pub fn compute_moduli(&mut self) -> Result<&[f64], NoConvergence> {
        let stack = MemStack::new(&mut self.scratch);
        T::moduli_into(
            self.matrix.as_ref(),
            &mut self.moduli,
            &mut self.eig,
            &mut self.eig_im,
            stack,
        )?;
        Ok(&self.moduli)
    }
}
