"""The content-addressed evidence vault: files stored once by SHA-256, verified on demand."""

from ecg_desktop.evidence.vault import (
    CHUNK_SIZE,
    DatabaseVault,
    FolderVault,
    Vault,
    hash_file,
    is_sha256,
    open_regular_file,
    safe_name,
)

__all__ = [
    "CHUNK_SIZE",
    "DatabaseVault",
    "FolderVault",
    "Vault",
    "hash_file",
    "is_sha256",
    "open_regular_file",
    "safe_name",
]
