;; The whole GRU recurrence of one layer in one call: per step two f32x4 matmuls over all rows
;; and the gate activations, with no return to JavaScript between steps (the per-step JS loop
;; spent more time in Math.exp than in the matmuls). Source of gru-scan-bytes.ts; rebuild with
;; `node --import tsx scripts/build-kernels.ts`. All pointers are byte offsets into `mem`.
;;
;; Numerics: float32 throughout, matmul sums in q order (as tfjs' matMul on cpu/wasm); exp is the
;; Cephes expf polynomial (≤ 2 ulp on the clamped range), tanh is 2σ(2x) − 1, so both agree with
;; the float64 reference to ~1e-7 absolute.
(module
  (memory (export "mem") 1)

  ;; out[b·ostride + j] = Σ_{q<u} a[b·arow + q·acol] · w[q·wstride + j], b < s, j < cols (cols % 16 = 0).
  ;; Strides in floats; acol ≠ 1 reads a transposed (the weight gradient's Hᵀ·D). Blocks of two
  ;; rows × 16 columns: eight independent accumulator chains keep the multiply-add pipes busy (one
  ;; row's four chains left them waiting on add latency), each weight load feeds both rows. An odd
  ;; last row is done alone by the same loop with its second row's results discarded.
  (func $mm (export "mm") (param $a i32) (param $w i32) (param $out i32) (param $s i32) (param $u i32)
        (param $arow i32) (param $acol i32) (param $cols i32) (param $wstride i32) (param $ostride i32)
    (local $b i32) (local $jb i32) (local $q i32) (local $ap i32) (local $ap2 i32) (local $wp i32) (local $op i32) (local $two i32)
    (local $acc0 v128) (local $acc1 v128) (local $acc2 v128) (local $acc3 v128) (local $x v128)
    (local $acc4 v128) (local $acc5 v128) (local $acc6 v128) (local $acc7 v128) (local $y v128)
    (local $w0 v128) (local $w1 v128) (local $w2 v128) (local $w3 v128)
    (local.set $wstride (i32.shl (local.get $wstride) (i32.const 2)))
    (local.set $acol (i32.shl (local.get $acol) (i32.const 2)))
    (block $rows_done (loop $rows
      (br_if $rows_done (i32.ge_s (local.get $b) (local.get $s)))
      (local.set $two (i32.lt_s (i32.add (local.get $b) (i32.const 1)) (local.get $s)))
      (local.set $jb (i32.const 0))
      (block $cols_done (loop $colblocks
        (br_if $cols_done (i32.ge_s (local.get $jb) (local.get $cols)))
        (local.set $acc0 (v128.const i32x4 0 0 0 0))
        (local.set $acc1 (v128.const i32x4 0 0 0 0))
        (local.set $acc2 (v128.const i32x4 0 0 0 0))
        (local.set $acc3 (v128.const i32x4 0 0 0 0))
        (local.set $acc4 (v128.const i32x4 0 0 0 0))
        (local.set $acc5 (v128.const i32x4 0 0 0 0))
        (local.set $acc6 (v128.const i32x4 0 0 0 0))
        (local.set $acc7 (v128.const i32x4 0 0 0 0))
        (local.set $ap (i32.add (local.get $a) (i32.shl (i32.mul (local.get $b) (local.get $arow)) (i32.const 2))))
        ;; The second row, or the first again when there is none (its sums are not stored).
        (local.set $ap2 (i32.add (local.get $ap) (i32.shl (i32.mul (local.get $two) (local.get $arow)) (i32.const 2))))
        (local.set $wp (i32.add (local.get $w) (i32.shl (local.get $jb) (i32.const 2))))
        (local.set $q (local.get $u))
        (block $q_done (loop $qs
          (br_if $q_done (i32.eqz (local.get $q)))
          (local.set $x (f32x4.splat (f32.load (local.get $ap))))
          (local.set $y (f32x4.splat (f32.load (local.get $ap2))))
          (local.set $w0 (v128.load offset=0 (local.get $wp)))
          (local.set $w1 (v128.load offset=16 (local.get $wp)))
          (local.set $w2 (v128.load offset=32 (local.get $wp)))
          (local.set $w3 (v128.load offset=48 (local.get $wp)))
          (local.set $acc0 (f32x4.add (local.get $acc0) (f32x4.mul (local.get $x) (local.get $w0))))
          (local.set $acc1 (f32x4.add (local.get $acc1) (f32x4.mul (local.get $x) (local.get $w1))))
          (local.set $acc2 (f32x4.add (local.get $acc2) (f32x4.mul (local.get $x) (local.get $w2))))
          (local.set $acc3 (f32x4.add (local.get $acc3) (f32x4.mul (local.get $x) (local.get $w3))))
          (local.set $acc4 (f32x4.add (local.get $acc4) (f32x4.mul (local.get $y) (local.get $w0))))
          (local.set $acc5 (f32x4.add (local.get $acc5) (f32x4.mul (local.get $y) (local.get $w1))))
          (local.set $acc6 (f32x4.add (local.get $acc6) (f32x4.mul (local.get $y) (local.get $w2))))
          (local.set $acc7 (f32x4.add (local.get $acc7) (f32x4.mul (local.get $y) (local.get $w3))))
          (local.set $ap (i32.add (local.get $ap) (local.get $acol)))
          (local.set $ap2 (i32.add (local.get $ap2) (local.get $acol)))
          (local.set $wp (i32.add (local.get $wp) (local.get $wstride)))
          (local.set $q (i32.sub (local.get $q) (i32.const 1)))
          (br $qs)))
        (local.set $op (i32.add (local.get $out)
          (i32.shl (i32.add (i32.mul (local.get $b) (local.get $ostride)) (local.get $jb)) (i32.const 2))))
        (v128.store offset=0 (local.get $op) (local.get $acc0))
        (v128.store offset=16 (local.get $op) (local.get $acc1))
        (v128.store offset=32 (local.get $op) (local.get $acc2))
        (v128.store offset=48 (local.get $op) (local.get $acc3))
        (if (local.get $two) (then
          (local.set $op (i32.add (local.get $op) (i32.shl (local.get $ostride) (i32.const 2))))
          (v128.store offset=0 (local.get $op) (local.get $acc4))
          (v128.store offset=16 (local.get $op) (local.get $acc5))
          (v128.store offset=32 (local.get $op) (local.get $acc6))
          (v128.store offset=48 (local.get $op) (local.get $acc7))))
        (local.set $jb (i32.add (local.get $jb) (i32.const 16)))
        (br $colblocks)))
      (local.set $b (i32.add (local.get $b) (i32.const 2)))
      (br $rows)))
  )

  ;; dst[i] = α·σ(κ·(dst[i] + src[i] + bias[i])) + β for i < n (n % 4 = 0): σ with (κ, α, β) = (1, 1, 0), tanh
  ;; as 2σ(2x) − 1 with (2, 2, −1). One call per row and gate block, the exponential inline: a
  ;; call per four lanes cost more than the arithmetic. e^x is Cephes expf: x = m·ln2 + r,
  ;; |r| ≤ ln2/2, e^r by a degree-7 polynomial, 2^m by adding m to the exponent bits; the clamp
  ;; keeps 2^m a normal float (σ saturates to 0 or 1 well inside it).
  (func $act (param $dst i32) (param $src i32) (param $bias i32) (param $n i32) (param $kappa f32) (param $alpha f32) (param $beta f32)
    (local $end i32) (local $x v128) (local $m v128) (local $r v128) (local $p v128) (local $k v128) (local $al v128) (local $be v128)
    (local.set $k (f32x4.splat (f32.neg (local.get $kappa))))
    (local.set $al (f32x4.splat (local.get $alpha)))
    (local.set $be (f32x4.splat (local.get $beta)))
    (local.set $end (i32.add (local.get $dst) (i32.shl (local.get $n) (i32.const 2))))
    (block $done (loop $each
      (br_if $done (i32.ge_u (local.get $dst) (local.get $end)))
      ;; x = −κ·(dst + src + bias), then e^x
      (local.set $x (f32x4.mul (local.get $k) (f32x4.add (f32x4.add (v128.load (local.get $dst)) (v128.load (local.get $src)))
                                                         (v128.load (local.get $bias)))))
      (local.set $x (f32x4.max (f32x4.min (local.get $x) (v128.const f32x4 88.0 88.0 88.0 88.0))
                               (v128.const f32x4 -87.0 -87.0 -87.0 -87.0)))
      (local.set $m (f32x4.nearest (f32x4.mul (local.get $x) (v128.const f32x4 1.44269504088896341 1.44269504088896341 1.44269504088896341 1.44269504088896341))))
      (local.set $r (f32x4.sub (f32x4.sub (local.get $x)
                      (f32x4.mul (local.get $m) (v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375)))
                      (f32x4.mul (local.get $m) (v128.const f32x4 -2.12194440e-4 -2.12194440e-4 -2.12194440e-4 -2.12194440e-4))))
      (local.set $p (f32x4.add (f32x4.mul (v128.const f32x4 1.9875691500e-4 1.9875691500e-4 1.9875691500e-4 1.9875691500e-4) (local.get $r))
                               (v128.const f32x4 1.3981999507e-3 1.3981999507e-3 1.3981999507e-3 1.3981999507e-3)))
      (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 8.3334519073e-3 8.3334519073e-3 8.3334519073e-3 8.3334519073e-3)))
      (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 4.1665795894e-2 4.1665795894e-2 4.1665795894e-2 4.1665795894e-2)))
      (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 1.6666665459e-1 1.6666665459e-1 1.6666665459e-1 1.6666665459e-1)))
      (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 5.0000001201e-1 5.0000001201e-1 5.0000001201e-1 5.0000001201e-1)))
      (local.set $p (f32x4.add (f32x4.add (f32x4.mul (f32x4.mul (local.get $p) (local.get $r)) (local.get $r)) (local.get $r))
                               (v128.const f32x4 1.0 1.0 1.0 1.0)))
      (local.set $p (i32x4.add (local.get $p) (i32x4.shl (i32x4.trunc_sat_f32x4_s (local.get $m)) (i32.const 23))))
      ;; α / (1 + e^x) + β
      (v128.store (local.get $dst)
        (f32x4.add (f32x4.div (local.get $al) (f32x4.add (v128.const f32x4 1.0 1.0 1.0 1.0) (local.get $p))) (local.get $be)))
      (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
      (local.set $src (i32.add (local.get $src) (i32.const 16)))
      (local.set $bias (i32.add (local.get $bias) (i32.const 16)))
      (br $each)))
  )

  ;; The scan: xp (x·K, gates z|r|h, 3U per step and row) at xp + t·xsT + b·xsB, mask at
  ;; mask + t·msT + b·msB, the state written to h + t·hsT + b·hsB (strides in floats: gru-loop.ts
  ;; passes time-major [L, S, ·]; inference passes batch-major rows of a [S, L, 2U] BiGRU output
  ;; so nothing is transposed afterwards). bias [3U] is added to the projections (zeros when xp
  ;; already holds it). rk [U, 3U]. z, r, c are [L, S, U] traces when `trace`, else [S, U]
  ;; scratch. hp [S, U] (zeroed by the caller), rh [S, U] and g [S, 2U] are scratch. U % 16 = 0.
  (func (export "scan") (param $xp i32) (param $xsT i32) (param $xsB i32) (param $mask i32) (param $msT i32) (param $msB i32)
        (param $rk i32) (param $bias i32) (param $h i32) (param $hsT i32) (param $hsB i32)
        (param $z i32) (param $r i32) (param $c i32) (param $hp i32) (param $rh i32) (param $g i32)
        (param $l i32) (param $s i32) (param $u i32) (param $reverse i32) (param $trace i32)
    (local $k i32) (local $t i32) (local $b i32) (local $jj i32) (local $ub i32) (local $row i32)
    (local $xb i32) (local $gb i32) (local $hb i32) (local $ob i32) (local $at i32)
    (local $v v128) (local $p v128) (local $m v128)
    (local.set $ub (i32.shl (local.get $u) (i32.const 2)))
    (block $steps_done (loop $steps
      (br_if $steps_done (i32.ge_s (local.get $k) (local.get $l)))
      (local.set $t (select (i32.sub (i32.sub (local.get $l) (i32.const 1)) (local.get $k)) (local.get $k) (local.get $reverse)))
      ;; g[:, 0:2U] = hp · R[:, 0:2U]
      (call $mm (local.get $hp) (local.get $rk) (local.get $g) (local.get $s) (local.get $u) (local.get $u) (i32.const 1)
                (i32.shl (local.get $u) (i32.const 1)) (i32.mul (local.get $u) (i32.const 3)) (i32.shl (local.get $u) (i32.const 1)))
      (local.set $b (i32.const 0))
      (block $b1_done (loop $b1
        (br_if $b1_done (i32.ge_s (local.get $b) (local.get $s)))
        (local.set $row (i32.add (i32.mul (local.get $t) (local.get $s)) (local.get $b)))
        (local.set $xb (i32.add (local.get $xp) (i32.shl (i32.add (i32.mul (local.get $t) (local.get $xsT)) (i32.mul (local.get $b) (local.get $xsB))) (i32.const 2))))
        (local.set $gb (i32.add (local.get $g) (i32.mul (local.get $b) (i32.shl (local.get $ub) (i32.const 1)))))
        (local.set $hb (i32.mul (local.get $b) (local.get $ub)))
        (local.set $ob (i32.mul (select (local.get $row) (local.get $b) (local.get $trace)) (local.get $ub)))
        ;; g[b, 0:2U] = σ(xp[t, b, 0:2U] + g[b, 0:2U]): z | r
        (call $act (local.get $gb) (local.get $xb) (local.get $bias) (i32.shl (local.get $u) (i32.const 1)) (f32.const 1) (f32.const 1) (f32.const 0))
        (local.set $jj (i32.const 0))
        (block $j1_done (loop $j1
          (br_if $j1_done (i32.ge_s (local.get $jj) (local.get $ub)))
          (v128.store (i32.add (local.get $z) (i32.add (local.get $ob) (local.get $jj))) (v128.load (i32.add (local.get $gb) (local.get $jj))))
          (local.set $v (v128.load (i32.add (i32.add (local.get $gb) (local.get $ub)) (local.get $jj))))
          (v128.store (i32.add (local.get $r) (i32.add (local.get $ob) (local.get $jj))) (local.get $v))
          (v128.store (i32.add (local.get $rh) (i32.add (local.get $hb) (local.get $jj)))
            (f32x4.mul (local.get $v) (v128.load (i32.add (local.get $hp) (i32.add (local.get $hb) (local.get $jj))))))
          (local.set $jj (i32.add (local.get $jj) (i32.const 16)))
          (br $j1)))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (br $b1)))
      ;; g[:, 0:U] = (r ⊙ hp) · R[:, 2U:3U]
      (call $mm (local.get $rh) (i32.add (local.get $rk) (i32.shl (local.get $ub) (i32.const 1))) (local.get $g)
                (local.get $s) (local.get $u) (local.get $u) (i32.const 1) (local.get $u) (i32.mul (local.get $u) (i32.const 3)) (i32.shl (local.get $u) (i32.const 1)))
      (local.set $b (i32.const 0))
      (block $b2_done (loop $b2
        (br_if $b2_done (i32.ge_s (local.get $b) (local.get $s)))
        (local.set $row (i32.add (i32.mul (local.get $t) (local.get $s)) (local.get $b)))
        (local.set $xb (i32.add (i32.add (local.get $xp) (i32.shl (i32.add (i32.mul (local.get $t) (local.get $xsT)) (i32.mul (local.get $b) (local.get $xsB))) (i32.const 2)))
                                (i32.shl (local.get $ub) (i32.const 1))))
        (local.set $gb (i32.add (local.get $g) (i32.mul (local.get $b) (i32.shl (local.get $ub) (i32.const 1)))))
        (local.set $hb (i32.add (local.get $hp) (i32.mul (local.get $b) (local.get $ub))))
        (local.set $ob (i32.mul (select (local.get $row) (local.get $b) (local.get $trace)) (local.get $ub)))
        (local.set $at (i32.add (local.get $h) (i32.shl (i32.add (i32.mul (local.get $t) (local.get $hsT)) (i32.mul (local.get $b) (local.get $hsB))) (i32.const 2))))
        (local.set $m (f32x4.splat (f32.load (i32.add (local.get $mask)
          (i32.shl (i32.add (i32.mul (local.get $t) (local.get $msT)) (i32.mul (local.get $b) (local.get $msB))) (i32.const 2))))))
        ;; g[b, 0:U] = tanh(xp[t, b, 2U:3U] + g[b, 0:U]): the candidate
        (call $act (local.get $gb) (local.get $xb) (i32.add (local.get $bias) (i32.shl (local.get $ub) (i32.const 1))) (local.get $u) (f32.const 2) (f32.const 2) (f32.const -1))
        (local.set $jj (i32.const 0))
        (block $j2_done (loop $j2
          (br_if $j2_done (i32.ge_s (local.get $jj) (local.get $ub)))
          (local.set $v (v128.load (i32.add (local.get $gb) (local.get $jj))))
          (v128.store (i32.add (local.get $c) (i32.add (local.get $ob) (local.get $jj))) (local.get $v))
          (local.set $p (v128.load (i32.add (local.get $hb) (local.get $jj))))
          ;; next = c + z ⊙ (p − c); h = p + m ⊙ (next − p), so padding (m = 0) carries p.
          (local.set $v (f32x4.add (local.get $v)
            (f32x4.mul (v128.load (i32.add (local.get $z) (i32.add (local.get $ob) (local.get $jj))))
                       (f32x4.sub (local.get $p) (local.get $v)))))
          (local.set $v (f32x4.add (local.get $p) (f32x4.mul (local.get $m) (f32x4.sub (local.get $v) (local.get $p)))))
          (v128.store (i32.add (local.get $at) (local.get $jj)) (local.get $v))
          (v128.store (i32.add (local.get $hb) (local.get $jj)) (local.get $v))
          (local.set $jj (i32.add (local.get $jj) (i32.const 16)))
          (br $j2)))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (br $b2)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $steps)))
  )

  ;; Backward (BPTT) of `scan`. In: dh [L, S, U] (dL/dh at every step, final-state gradient
  ;; included), mask, rkT [3U, U] (R transposed), the forward traces h, z, r, c [L, S, U]. Out:
  ;; dxp [L, S, 3U] (= dL/d pre-activations z|r|h), hpall and rhall [L, S, U] (h_{t−1} and
  ;; r ⊙ h_{t−1} at every step, for the weight gradient — see `wgrad`). Scratch: carry [S, U]
  ;; (zeroed by the caller: dL/dh flowing to the previous step), drh and tmp [S, U], zero [S, U].
  (func (export "back") (param $dh i32) (param $mask i32) (param $rkT i32) (param $h i32) (param $z i32)
        (param $r i32) (param $c i32) (param $dxp i32) (param $hpall i32) (param $rhall i32)
        (param $carry i32) (param $drh i32) (param $tmp i32) (param $zero i32)
        (param $l i32) (param $s i32) (param $u i32) (param $reverse i32)
    (local $k i32) (local $t i32) (local $b i32) (local $jj i32) (local $ub i32) (local $row i32)
    (local $hprev i32) (local $at i32) (local $xb i32) (local $cb i32) (local $hpb i32) (local $n i32)
    (local $tot v128) (local $dn v128) (local $zv v128) (local $cv v128) (local $m v128) (local $rv v128) (local $dr v128)
    (local $one v128) (local $hv v128)
    (local.set $ub (i32.shl (local.get $u) (i32.const 2)))
    (local.set $one (v128.const f32x4 1.0 1.0 1.0 1.0))
    (local.set $k (local.get $l))
    (block $steps_done (loop $steps
      (br_if $steps_done (i32.eqz (local.get $k)))
      (local.set $k (i32.sub (local.get $k) (i32.const 1)))
      (local.set $t (select (i32.sub (i32.sub (local.get $l) (i32.const 1)) (local.get $k)) (local.get $k) (local.get $reverse)))
      ;; The state before step t: zeros at the first step read, else h at the step read just before.
      (local.set $hprev
        (if (result i32) (i32.eqz (local.get $k))
          (then (local.get $zero))
          (else (i32.add (local.get $h) (i32.mul (i32.mul
            (select (i32.add (local.get $t) (i32.const 1)) (i32.sub (local.get $t) (i32.const 1)) (local.get $reverse))
            (local.get $s)) (local.get $ub))))))
      ;; Pass A: through the state update and the z and candidate gates.
      (local.set $b (i32.const 0))
      (block $a_done (loop $pa
        (br_if $a_done (i32.ge_s (local.get $b) (local.get $s)))
        (local.set $row (i32.add (i32.mul (local.get $t) (local.get $s)) (local.get $b)))
        (local.set $m (f32x4.splat (f32.load (i32.add (local.get $mask) (i32.shl (local.get $row) (i32.const 2))))))
        (local.set $at (i32.mul (local.get $row) (local.get $ub)))
        (local.set $xb (i32.add (local.get $dxp) (i32.mul (local.get $at) (i32.const 3))))
        (local.set $cb (i32.add (local.get $carry) (i32.mul (local.get $b) (local.get $ub))))
        (local.set $hpb (i32.add (local.get $hprev) (i32.mul (local.get $b) (local.get $ub))))
        (local.set $jj (i32.const 0))
        (block $ja_done (loop $ja
          (br_if $ja_done (i32.ge_s (local.get $jj) (local.get $ub)))
          (local.set $tot (f32x4.add (v128.load (i32.add (local.get $dh) (i32.add (local.get $at) (local.get $jj))))
                                     (v128.load (i32.add (local.get $cb) (local.get $jj)))))
          (local.set $dn (f32x4.mul (local.get $m) (local.get $tot)))
          (local.set $zv (v128.load (i32.add (local.get $z) (i32.add (local.get $at) (local.get $jj)))))
          (local.set $cv (v128.load (i32.add (local.get $c) (i32.add (local.get $at) (local.get $jj)))))
          (local.set $hv (v128.load (i32.add (local.get $hpb) (local.get $jj))))
          (v128.store (i32.add (local.get $hpall) (i32.add (local.get $at) (local.get $jj))) (local.get $hv))
          ;; Padding (m = 0) passes the whole gradient on; a real step passes z of it.
          (v128.store (i32.add (local.get $cb) (local.get $jj))
            (f32x4.add (f32x4.sub (local.get $tot) (local.get $dn)) (f32x4.mul (local.get $dn) (local.get $zv))))
          (v128.store (i32.add (local.get $xb) (local.get $jj))
            (f32x4.mul (f32x4.mul (local.get $dn) (f32x4.sub (local.get $hv) (local.get $cv)))
                       (f32x4.mul (local.get $zv) (f32x4.sub (local.get $one) (local.get $zv)))))
          (v128.store (i32.add (i32.add (local.get $xb) (i32.shl (local.get $ub) (i32.const 1))) (local.get $jj))
            (f32x4.mul (f32x4.mul (local.get $dn) (f32x4.sub (local.get $one) (local.get $zv)))
                       (f32x4.sub (local.get $one) (f32x4.mul (local.get $cv) (local.get $cv)))))
          (local.set $jj (i32.add (local.get $jj) (i32.const 16)))
          (br $ja)))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (br $pa)))
      ;; d(r ⊙ h_{t−1}) = dc · R_hᵀ
      (call $mm (i32.add (i32.add (local.get $dxp) (i32.mul (i32.mul (i32.mul (local.get $t) (local.get $s)) (local.get $ub)) (i32.const 3)))
                         (i32.shl (local.get $ub) (i32.const 1)))
                (i32.add (local.get $rkT) (i32.mul (i32.shl (local.get $u) (i32.const 1)) (local.get $ub)))
                (local.get $drh) (local.get $s) (local.get $u) (i32.mul (local.get $u) (i32.const 3)) (i32.const 1)
                (local.get $u) (local.get $u) (local.get $u))
      ;; Pass B: the reset gate.
      (local.set $b (i32.const 0))
      (block $b_done (loop $pb
        (br_if $b_done (i32.ge_s (local.get $b) (local.get $s)))
        (local.set $row (i32.add (i32.mul (local.get $t) (local.get $s)) (local.get $b)))
        (local.set $at (i32.mul (local.get $row) (local.get $ub)))
        (local.set $xb (i32.add (i32.add (local.get $dxp) (i32.mul (local.get $at) (i32.const 3))) (local.get $ub)))
        (local.set $cb (i32.add (local.get $carry) (i32.mul (local.get $b) (local.get $ub))))
        (local.set $hpb (i32.add (local.get $hprev) (i32.mul (local.get $b) (local.get $ub))))
        (local.set $jj (i32.const 0))
        (block $jb_done (loop $jb
          (br_if $jb_done (i32.ge_s (local.get $jj) (local.get $ub)))
          (local.set $dr (v128.load (i32.add (i32.add (local.get $drh) (i32.mul (local.get $b) (local.get $ub))) (local.get $jj))))
          (local.set $rv (v128.load (i32.add (local.get $r) (i32.add (local.get $at) (local.get $jj)))))
          (local.set $hv (v128.load (i32.add (local.get $hpb) (local.get $jj))))
          (v128.store (i32.add (local.get $rhall) (i32.add (local.get $at) (local.get $jj))) (f32x4.mul (local.get $rv) (local.get $hv)))
          (v128.store (i32.add (local.get $xb) (local.get $jj))
            (f32x4.mul (f32x4.mul (local.get $dr) (local.get $hv))
                       (f32x4.mul (local.get $rv) (f32x4.sub (local.get $one) (local.get $rv)))))
          (v128.store (i32.add (local.get $cb) (local.get $jj))
            (f32x4.add (v128.load (i32.add (local.get $cb) (local.get $jj))) (f32x4.mul (local.get $dr) (local.get $rv))))
          (local.set $jj (i32.add (local.get $jj) (i32.const 16)))
          (br $jb)))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (br $pb)))
      ;; carry += [dz, dr] · R_{z,r}ᵀ
      (call $mm (i32.add (local.get $dxp) (i32.mul (i32.mul (i32.mul (local.get $t) (local.get $s)) (local.get $ub)) (i32.const 3)))
                (local.get $rkT) (local.get $tmp) (local.get $s) (i32.shl (local.get $u) (i32.const 1))
                (i32.mul (local.get $u) (i32.const 3)) (i32.const 1) (local.get $u) (local.get $u) (local.get $u))
      (local.set $n (i32.mul (local.get $s) (local.get $ub)))
      (local.set $jj (i32.const 0))
      (block $c_done (loop $pc
        (br_if $c_done (i32.ge_s (local.get $jj) (local.get $n)))
        (v128.store (i32.add (local.get $carry) (local.get $jj))
          (f32x4.add (v128.load (i32.add (local.get $carry) (local.get $jj))) (v128.load (i32.add (local.get $tmp) (local.get $jj)))))
        (local.set $jj (i32.add (local.get $jj) (i32.const 16)))
        (br $pc)))
      (br $steps)))
  )

  ;; dR [U, 3U] = hpallᵀ · dxp[:, 0:2U] | rhallᵀ · dxp[:, 2U:3U], summed over all N = L·S rows.
  (func (export "wgrad") (param $dxp i32) (param $hpall i32) (param $rhall i32) (param $drk i32) (param $n i32) (param $u i32)
    (call $mm (local.get $hpall) (local.get $dxp) (local.get $drk) (local.get $u) (local.get $n)
              (i32.const 1) (local.get $u) (i32.shl (local.get $u) (i32.const 1)) (i32.mul (local.get $u) (i32.const 3)) (i32.mul (local.get $u) (i32.const 3)))
    (call $mm (local.get $rhall) (i32.add (local.get $dxp) (i32.shl (local.get $u) (i32.const 3))) (i32.add (local.get $drk) (i32.shl (local.get $u) (i32.const 3)))
              (local.get $u) (local.get $n)
              (i32.const 1) (local.get $u) (local.get $u) (i32.mul (local.get $u) (i32.const 3)) (i32.mul (local.get $u) (i32.const 3)))
  )
)
