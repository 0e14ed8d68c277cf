// CommandEnv (command_env.h): the database, clock and services of one CLI run.
#include "cli/command_env.h"

#include "domain/bulk_load.h"

namespace verbinder::cli {

Result<std::unique_ptr<CommandEnv>> CommandEnv::Open(const std::string& db_url, int pool_size) {
  std::unique_ptr<CommandEnv> env(new CommandEnv());
  VB_ASSIGN_OR_RETURN(env->db_, storage::Database::Open(db_url, pool_size));
  VB_ASSIGN_OR_RETURN(int applied, env->db_->Migrate());
  (void)applied;
  VB_RETURN_IF_ERROR(domain::EnsureDefaultSectors(*env->db_));
  env->services_ = std::make_unique<app_services::Services>(*env->db_, env->clock_);
  return env;
}

}  // namespace verbinder::cli
