//go:build !purego

#include "textflag.h"

// Registers of kernAVX512:
//
//	SI, R9, R10, R11
//	         rows 0..3 of the current tile of A; DI is the offset along k,
//	         in bytes, and steps by R12 (ac in bytes)
//	AX       steps of k left
//	BX       the current row of B; R13 is ldb in bytes
//	R8       next in bytes: BX+R8 is the row of B to prefetch
//	DX, CX   row 0 of the current tile of C and ldc in bytes
//	Z0..Z11  the sums: row r, columns 8v..8v+7 in Z(3r+v)
//	Z16..Z18 one row of B; Z19..Z22 an element of rows 0..3 of A, broadcast
//	K1..K3   which of columns 0..7, 8..15, 16..23 the tile has
//
// m+64(FP) counts the rows left, including the current tile's.

// LOADC and STOREC move one row of sums between C (at ptr) and registers,
// masked to the tile's columns.
#define LOADC(ptr, s0, s1, s2) \
	VMOVUPD.Z (ptr), K1, s0 \
	VMOVUPD.Z 64(ptr), K2, s1 \
	VMOVUPD.Z 128(ptr), K3, s2

#define STOREC(ptr, s0, s1, s2) \
	VMOVUPD s0, K1, (ptr) \
	VMOVUPD s1, K2, 64(ptr) \
	VMOVUPD s2, K3, 128(ptr)

// ROW1..ROW3 broadcast A[r][l] from row pointer ptr into bc and add its
// products with the first 1, 2 or 3 vectors of the row of B.
#define ROW1(ptr, bc, s0) \
	VBROADCASTSD (ptr)(DI*1), bc \
	VFMADD231PD Z16, bc, s0

#define ROW2(ptr, bc, s0, s1) \
	VBROADCASTSD (ptr)(DI*1), bc \
	VFMADD231PD Z16, bc, s0 \
	VFMADD231PD Z17, bc, s1

#define ROW3(ptr, bc, s0, s1, s2) \
	VBROADCASTSD (ptr)(DI*1), bc \
	VFMADD231PD Z16, bc, s0 \
	VFMADD231PD Z17, bc, s1 \
	VFMADD231PD Z18, bc, s2

// PREFETCHn asks for the n or n+1 cache lines that hold n vectors of the
// row of the next panel of B, which may straddle a line more than the
// vectors do.
#define PREFETCH1 \
	PREFETCHT0 (BX)(R8*1) \
	PREFETCHT0 63(BX)(R8*1)

#define PREFETCH2 \
	PREFETCHT0 (BX)(R8*1) \
	PREFETCHT0 64(BX)(R8*1) \
	PREFETCHT0 127(BX)(R8*1)

#define PREFETCH3 \
	PREFETCHT0 (BX)(R8*1) \
	PREFETCHT0 64(BX)(R8*1) \
	PREFETCHT0 128(BX)(R8*1) \
	PREFETCHT0 191(BX)(R8*1)

// NEXT steps to the next l and loops back to label while steps remain.
#define NEXT(label) \
	ADDQ R12, DI \
	ADDQ R13, BX \
	DECQ AX \
	JNZ  label

// func kernAVX512(k int, a *float64, ar, ac int, b *float64, ldb int, c *float64, ldc, m, nr, next int, acc bool)
TEXT ·kernAVX512(SB), NOSPLIT, $0-89
	// Column masks: the low nr of 24 bits, 8 per register.
	MOVQ nr+72(FP), CX
	MOVQ $1, AX
	SHLQ CX, AX
	DECQ AX
	KMOVW AX, K1
	SHRQ $8, AX
	KMOVW AX, K2
	SHRQ $8, AX
	KMOVW AX, K3

	MOVQ a+8(FP), SI
	MOVQ ac+24(FP), R12
	SHLQ $3, R12
	MOVQ ldb+40(FP), R13
	SHLQ $3, R13
	MOVQ next+80(FP), R8
	SHLQ $3, R8
	MOVQ c+48(FP), DX
	MOVQ ldc+56(FP), CX
	SHLQ $3, CX

tile:
	// Rows of A past the last one repeat row 0: their sums are computed,
	// never stored.
	MOVQ m+64(FP), DI
	MOVQ ar+16(FP), AX
	SHLQ $3, AX
	LEAQ (SI)(AX*1), R9
	LEAQ (R9)(AX*1), R10
	LEAQ (R10)(AX*1), R11
	// One register of columns and 8 rows left: take 8 rows at once, for 8
	// independent sums in flight instead of 4.
	CMPQ nr+72(FP), $8
	JGT  four
	CMPQ DI, $8
	JGE  eight

four:
	CMPQ DI, $2
	CMOVQLT SI, R9
	CMPQ DI, $3
	CMOVQLT SI, R10
	CMPQ DI, $4
	CMOVQLT SI, R11

	VPXORQ Z0, Z0, Z0
	VPXORQ Z1, Z1, Z1
	VPXORQ Z2, Z2, Z2
	VPXORQ Z3, Z3, Z3
	VPXORQ Z4, Z4, Z4
	VPXORQ Z5, Z5, Z5
	VPXORQ Z6, Z6, Z6
	VPXORQ Z7, Z7, Z7
	VPXORQ Z8, Z8, Z8
	VPXORQ Z9, Z9, Z9
	VPXORQ Z10, Z10, Z10
	VPXORQ Z11, Z11, Z11
	CMPB acc+88(FP), $0
	JEQ  start
	LOADC(DX, Z0, Z1, Z2)
	CMPQ DI, $2
	JLT  start
	LEAQ (DX)(CX*1), AX
	LOADC(AX, Z3, Z4, Z5)
	CMPQ DI, $3
	JLT  start
	ADDQ CX, AX
	LOADC(AX, Z6, Z7, Z8)
	CMPQ DI, $4
	JLT  start
	ADDQ CX, AX
	LOADC(AX, Z9, Z10, Z11)

start:
	MOVQ k+0(FP), AX
	MOVQ b+32(FP), BX
	XORQ DI, DI
	CMPQ nr+72(FP), $8
	JLE  loop1
	CMPQ nr+72(FP), $16
	JLE  loop2

loop3:
	PREFETCH3
	VMOVUPD.Z (BX), K1, Z16
	VMOVUPD.Z 64(BX), K2, Z17
	VMOVUPD.Z 128(BX), K3, Z18
	ROW3(SI, Z19, Z0, Z1, Z2)
	ROW3(R9, Z20, Z3, Z4, Z5)
	ROW3(R10, Z21, Z6, Z7, Z8)
	ROW3(R11, Z22, Z9, Z10, Z11)
	NEXT(loop3)
	JMP store

loop2:
	PREFETCH2
	VMOVUPD.Z (BX), K1, Z16
	VMOVUPD.Z 64(BX), K2, Z17
	ROW2(SI, Z19, Z0, Z1)
	ROW2(R9, Z20, Z3, Z4)
	ROW2(R10, Z21, Z6, Z7)
	ROW2(R11, Z22, Z9, Z10)
	NEXT(loop2)
	JMP store

loop1:
	PREFETCH1
	VMOVUPD.Z (BX), K1, Z16
	ROW1(SI, Z19, Z0)
	ROW1(R9, Z20, Z3)
	ROW1(R10, Z21, Z6)
	ROW1(R11, Z22, Z9)
	NEXT(loop1)

store:
	MOVQ m+64(FP), DI
	STOREC(DX, Z0, Z1, Z2)
	CMPQ DI, $2
	JLT  next
	LEAQ (DX)(CX*1), AX
	STOREC(AX, Z3, Z4, Z5)
	CMPQ DI, $3
	JLT  next
	ADDQ CX, AX
	STOREC(AX, Z6, Z7, Z8)
	CMPQ DI, $4
	JLT  next
	ADDQ CX, AX
	STOREC(AX, Z9, Z10, Z11)

next:
	// On to the next 4 rows, if any.
	SUBQ $4, DI
	JLE  done
	MOVQ DI, m+64(FP)
	MOVQ ar+16(FP), AX
	SHLQ $5, AX
	ADDQ AX, SI
	LEAQ (DX)(CX*4), DX
	JMP  tile

done:
	VZEROUPPER
	RET

// eight computes a tile of 8 rows and one register of columns. Rows 4..7
// are read through the same row pointers as rows 0..3, at the offset CX,
// which stays 4 rows ahead of DI.
eight:
	VPXORQ Z0, Z0, Z0
	VPXORQ Z1, Z1, Z1
	VPXORQ Z2, Z2, Z2
	VPXORQ Z3, Z3, Z3
	VPXORQ Z4, Z4, Z4
	VPXORQ Z5, Z5, Z5
	VPXORQ Z6, Z6, Z6
	VPXORQ Z7, Z7, Z7
	CMPB acc+88(FP), $0
	JEQ  start8
	MOVQ DX, AX
	VMOVUPD.Z (AX), K1, Z0
	ADDQ CX, AX
	VMOVUPD.Z (AX), K1, Z1
	ADDQ CX, AX
	VMOVUPD.Z (AX), K1, Z2
	ADDQ CX, AX
	VMOVUPD.Z (AX), K1, Z3
	ADDQ CX, AX
	VMOVUPD.Z (AX), K1, Z4
	ADDQ CX, AX
	VMOVUPD.Z (AX), K1, Z5
	ADDQ CX, AX
	VMOVUPD.Z (AX), K1, Z6
	ADDQ CX, AX
	VMOVUPD.Z (AX), K1, Z7

start8:
	MOVQ k+0(FP), AX
	MOVQ b+32(FP), BX
	XORQ DI, DI
	MOVQ ar+16(FP), CX
	SHLQ $5, CX

loop8:
	PREFETCH1
	VMOVUPD.Z (BX), K1, Z16
	VBROADCASTSD (SI)(DI*1), Z19
	VFMADD231PD Z16, Z19, Z0
	VBROADCASTSD (R9)(DI*1), Z20
	VFMADD231PD Z16, Z20, Z1
	VBROADCASTSD (R10)(DI*1), Z21
	VFMADD231PD Z16, Z21, Z2
	VBROADCASTSD (R11)(DI*1), Z22
	VFMADD231PD Z16, Z22, Z3
	VBROADCASTSD (SI)(CX*1), Z23
	VFMADD231PD Z16, Z23, Z4
	VBROADCASTSD (R9)(CX*1), Z24
	VFMADD231PD Z16, Z24, Z5
	VBROADCASTSD (R10)(CX*1), Z25
	VFMADD231PD Z16, Z25, Z6
	VBROADCASTSD (R11)(CX*1), Z26
	VFMADD231PD Z16, Z26, Z7
	ADDQ R12, CX
	NEXT(loop8)

	MOVQ ldc+56(FP), CX
	SHLQ $3, CX
	MOVQ DX, AX
	VMOVUPD Z0, K1, (AX)
	ADDQ CX, AX
	VMOVUPD Z1, K1, (AX)
	ADDQ CX, AX
	VMOVUPD Z2, K1, (AX)
	ADDQ CX, AX
	VMOVUPD Z3, K1, (AX)
	ADDQ CX, AX
	VMOVUPD Z4, K1, (AX)
	ADDQ CX, AX
	VMOVUPD Z5, K1, (AX)
	ADDQ CX, AX
	VMOVUPD Z6, K1, (AX)
	ADDQ CX, AX
	VMOVUPD Z7, K1, (AX)

	// On to the next 8 rows, if any.
	MOVQ m+64(FP), DI
	SUBQ $8, DI
	JLE  done
	MOVQ DI, m+64(FP)
	MOVQ ar+16(FP), AX
	SHLQ $6, AX
	ADDQ AX, SI
	LEAQ (DX)(CX*8), DX
	JMP  tile
