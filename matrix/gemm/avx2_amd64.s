//go:build !purego

#include "textflag.h"

// lanes holds 0..7, the column of each lane of two registers of 4.
DATA lanes<>+0(SB)/8, $0
DATA lanes<>+8(SB)/8, $1
DATA lanes<>+16(SB)/8, $2
DATA lanes<>+24(SB)/8, $3
DATA lanes<>+32(SB)/8, $4
DATA lanes<>+40(SB)/8, $5
DATA lanes<>+48(SB)/8, $6
DATA lanes<>+56(SB)/8, $7
GLOBL lanes<>(SB), RODATA|NOPTR, $64

// Registers of kernAVX2, as in kernAVX512 but with tiles of 4×8:
//
//	SI, R9, R10, R11
//	         rows 0..3 of the current tile of A; DI is the offset along k,
//	         in bytes, and steps by R12 (ac in bytes)
//	AX       steps of k left
//	BX       the current row of B; R13 is ldb in bytes
//	R8       next in bytes: BX+R8 is the row of B to prefetch
//	DX, CX   row 0 of the current tile of C and ldc in bytes
//	Y0..Y7   the sums: row r, columns 4v..4v+3 in Y(2r+v)
//	Y8, Y9   one row of B; Y10..Y13 an element of rows 0..3 of A, broadcast
//	Y14, Y15 which of columns 0..3 and 4..7 the tile has: all ones or zero
//
// m+64(FP) counts the rows left, including the current tile's.

// LOADC2 and STOREC2 move one row of sums between C (at ptr) and
// registers, masked to the tile's columns.
#define LOADC2(ptr, s0, s1) \
	VMASKMOVPD (ptr), Y14, s0 \
	VMASKMOVPD 32(ptr), Y15, s1

#define STOREC2(ptr, s0, s1) \
	VMASKMOVPD s0, Y14, (ptr) \
	VMASKMOVPD s1, Y15, 32(ptr)

// ROW2A and ROW1A broadcast A[r][l] from row pointer ptr into bc and add
// its products with the first 2 or 1 vectors of the row of B.
#define ROW1A(ptr, bc, s0) \
	VBROADCASTSD (ptr)(DI*1), bc \
	VFMADD231PD Y8, bc, s0

#define ROW2A(ptr, bc, s0, s1) \
	VBROADCASTSD (ptr)(DI*1), bc \
	VFMADD231PD Y8, bc, s0 \
	VFMADD231PD Y9, bc, s1

// NEXT2 steps to the next l and loops back to label while steps remain.
#define NEXT2(label) \
	ADDQ R12, DI \
	ADDQ R13, BX \
	DECQ AX \
	JNZ  label

// func kernAVX2(k int, a *float64, ar, ac int, b *float64, ldb int, c *float64, ldc, m, nr, next int, acc bool)
TEXT ·kernAVX2(SB), NOSPLIT, $0-89
	// Column masks: lane j is all ones when j < nr.
	VPBROADCASTQ nr+72(FP), Y8
	VPCMPGTQ     lanes<>+0(SB), Y8, Y14
	VPCMPGTQ     lanes<>+32(SB), Y8, Y15

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
	CMPQ DI, $2
	CMOVQLT SI, R9
	CMPQ DI, $3
	CMOVQLT SI, R10
	CMPQ DI, $4
	CMOVQLT SI, R11

	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	VXORPD Y2, Y2, Y2
	VXORPD Y3, Y3, Y3
	VXORPD Y4, Y4, Y4
	VXORPD Y5, Y5, Y5
	VXORPD Y6, Y6, Y6
	VXORPD Y7, Y7, Y7
	CMPB acc+88(FP), $0
	JEQ  start
	LOADC2(DX, Y0, Y1)
	CMPQ DI, $2
	JLT  start
	LEAQ (DX)(CX*1), AX
	LOADC2(AX, Y2, Y3)
	CMPQ DI, $3
	JLT  start
	ADDQ CX, AX
	LOADC2(AX, Y4, Y5)
	CMPQ DI, $4
	JLT  start
	ADDQ CX, AX
	LOADC2(AX, Y6, Y7)

start:
	MOVQ k+0(FP), AX
	MOVQ b+32(FP), BX
	XORQ DI, DI
	CMPQ nr+72(FP), $4
	JLE  loop1

loop2:
	PREFETCHT0 (BX)(R8*1)
	PREFETCHT0 63(BX)(R8*1)
	VMASKMOVPD (BX), Y14, Y8
	VMASKMOVPD 32(BX), Y15, Y9
	ROW2A(SI, Y10, Y0, Y1)
	ROW2A(R9, Y11, Y2, Y3)
	ROW2A(R10, Y12, Y4, Y5)
	ROW2A(R11, Y13, Y6, Y7)
	NEXT2(loop2)
	JMP store

loop1:
	PREFETCHT0 (BX)(R8*1)
	PREFETCHT0 31(BX)(R8*1)
	VMASKMOVPD (BX), Y14, Y8
	ROW1A(SI, Y10, Y0)
	ROW1A(R9, Y11, Y2)
	ROW1A(R10, Y12, Y4)
	ROW1A(R11, Y13, Y6)
	NEXT2(loop1)

store:
	MOVQ m+64(FP), DI
	STOREC2(DX, Y0, Y1)
	CMPQ DI, $2
	JLT  next
	LEAQ (DX)(CX*1), AX
	STOREC2(AX, Y2, Y3)
	CMPQ DI, $3
	JLT  next
	ADDQ CX, AX
	STOREC2(AX, Y4, Y5)
	CMPQ DI, $4
	JLT  next
	ADDQ CX, AX
	STOREC2(AX, Y6, Y7)

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
