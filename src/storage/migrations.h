// Versioned schema migrations, embedded from src/storage/migrations/NNNN_name.sql.
// Each file is applied once, in order, inside a transaction, and recorded in
// schema_migrations. Placeholders: {{ID}} (auto-increment primary key) and
// {{BOOL}} (0/1 integer) are expanded per backend.
#pragma once

#include <string>
#include <vector>

namespace verbinder::storage {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

// All migrations in ascending version order.
const std::vector<Migration>& Migrations();

}  // namespace verbinder::storage
